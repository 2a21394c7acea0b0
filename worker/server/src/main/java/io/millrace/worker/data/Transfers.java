package io.millrace.worker.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The live streams of each attempt (both directions), so an ended attempt releases all of them. */
final class Transfers {

    /** A stream that can be stopped when its attempt ends. */
    interface Releasable {
        void release();
    }

    private final Map<AttemptRef, Set<Releasable>> byAttempt = new HashMap<>();

    synchronized void add(AttemptRef attempt, Releasable transfer) {
        byAttempt.computeIfAbsent(attempt, a -> new LinkedHashSet<>()).add(transfer);
    }

    synchronized void remove(AttemptRef attempt, Releasable transfer) {
        Set<Releasable> set = byAttempt.get(attempt);
        if (set != null && set.remove(transfer) && set.isEmpty()) {
            byAttempt.remove(attempt);
        }
    }

    /** Removes and returns every stream of the attempt; the caller releases them outside the lock. */
    synchronized List<Releasable> removeAll(AttemptRef attempt) {
        Set<Releasable> set = byAttempt.remove(attempt);
        return set == null ? List.of() : new ArrayList<>(set);
    }

    synchronized List<Releasable> removeAll() {
        List<Releasable> all = new ArrayList<>();
        byAttempt.values().forEach(all::addAll);
        byAttempt.clear();
        return all;
    }

    synchronized int count() {
        return byAttempt.values().stream().mapToInt(Set::size).sum();
    }
}
