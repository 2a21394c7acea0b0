package io.millrace.connector.kafka.sink;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Transactional ids of one {@code kafka-sink} node of one job:
 * {@code millrace.<job>.<node>.<subtask>.<pool index>}.
 *
 * <p>They are STABLE across attempts (no attempt, no random part): a restarted subtask that opens pool
 * index i calls {@code initTransactions} on the same id as its predecessor, which fences the previous
 * producer (a zombie can no longer write or commit) and aborts its open transaction. Each subtask
 * rotates over a small pool of indexes because a pre-committed transaction keeps its id busy until its
 * checkpoint completes, while the next transaction must already be open.
 *
 * <p>Fields are separated by dots because node ids ({@code [a-z][a-z0-9-]*}) cannot contain one, so
 * the id of node {@code out} never starts with the prefix of node {@code out-2}; the job id is reduced to
 * {@code [A-Za-z0-9_-]}.
 */
final class TransactionalIds {

  private static final Pattern TAIL = Pattern.compile("(\\d+)\\.(\\d+)");

  /** Where an id sits in the pool. */
  record Slot(int subtask, int poolIndex) {}

  private final String prefix;

  TransactionalIds(String jobId, String nodeId) {
    this.prefix = "millrace." + jobId.replaceAll("[^A-Za-z0-9_-]", "_") + "." + nodeId + ".";
  }

  /** Every id of this job's node starts with this. */
  String prefix() {
    return prefix;
  }

  String id(int subtask, int poolIndex) {
    return prefix + subtask + "." + poolIndex;
  }

  /** The slot of an id of THIS job and node, or empty. */
  Optional<Slot> parseOwn(String transactionalId) {
    if (!transactionalId.startsWith(prefix)) {
      return Optional.empty();
    }
    Matcher m = TAIL.matcher(transactionalId.substring(prefix.length()));
    return m.matches() ? Optional.of(new Slot(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))))
        : Optional.empty();
  }
}
