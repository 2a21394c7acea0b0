package io.millrace.engine.operators.window;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The live sessions of one key, ordered by start and never overlapping, and the merge rule: a
 * record at {@code t} opens {@code [t, t + gap)}, which absorbs every session it overlaps.
 *
 * <p>Mutable and small (a key rarely has more than a few live sessions); it is stored as the value
 * of the key's session-set state and written back after every change.
 */
public final class SessionMergeSet {

  /** The outcome of adding a record: the session it belongs to and what was merged into it. */
  public record Merge(SessionWindow window, SessionWindow before, List<SessionWindow> absorbed) {

    public Merge {
      absorbed = List.copyOf(absorbed);
    }

    /** True when the record opened a new session (nothing existed to extend or merge). */
    public boolean isNew() {
      return before == null && absorbed.isEmpty();
    }
  }

  private final List<SessionWindow> sessions;

  public SessionMergeSet() {
    this.sessions = new ArrayList<>();
  }

  public SessionMergeSet(List<SessionWindow> sessions) {
    this.sessions = new ArrayList<>(sessions);
    this.sessions.sort((a, b) -> Long.compare(a.start(), b.start()));
    for (int i = 1; i < this.sessions.size(); i++) {
      if (this.sessions.get(i - 1).end() > this.sessions.get(i).start()) {
        throw new IllegalArgumentException("overlapping sessions " + this.sessions.get(i - 1) + " and " + this.sessions.get(i));
      }
    }
  }

  /** The live sessions, ordered by start. */
  public List<SessionWindow> sessions() {
    return Collections.unmodifiableList(sessions);
  }

  public boolean isEmpty() {
    return sessions.isEmpty();
  }

  /**
   * What adding a record at {@code timestamp} would do, without changing the set: the resulting
   * session, the session whose state id it keeps ({@code before}, null for a new session) and the
   * other sessions it absorbs. Lets the caller check lateness before committing with {@link #apply}.
   */
  public Merge plan(long timestamp, long gap) {
    long start = timestamp;
    long end = timestamp + gap;
    SessionWindow keeper = null;
    List<SessionWindow> absorbed = new ArrayList<>();
    for (SessionWindow s : sessions) {
      if (s.overlaps(start, end)) {
        if (keeper == null) {
          keeper = s;
        } else {
          absorbed.add(s);
        }
      }
    }
    if (keeper == null) {
      return new Merge(new SessionWindow(start, end, start), null, List.of());
    }
    long mergedStart = Math.min(start, keeper.start());
    long mergedEnd = Math.max(end, keeper.end());
    for (SessionWindow s : absorbed) {
      mergedStart = Math.min(mergedStart, s.start());
      mergedEnd = Math.max(mergedEnd, s.end());
    }
    return new Merge(new SessionWindow(mergedStart, mergedEnd, keeper.stateId()), keeper, absorbed);
  }

  /** Commits a {@link #plan}: removes the merged sessions and inserts the result. */
  public void apply(Merge merge) {
    if (merge.before() != null) {
      sessions.remove(merge.before());
    }
    sessions.removeAll(merge.absorbed());
    int at = 0;
    while (at < sessions.size() && sessions.get(at).start() < merge.window().start()) {
      at++;
    }
    sessions.add(at, merge.window());
  }

  /** Removes a session (after its state was cleaned up). */
  public boolean remove(SessionWindow window) {
    return sessions.remove(window);
  }
}
