/**
 * The connector SPI that {@code connectors/*} implement (Kafka, datagen, ... in the next issue).
 *
 * <p><b>Sources</b> ({@link io.millrace.engine.connector.Source}): the input is cut into splits
 * (Kafka: partitions); an enumerator lists them when a job starts fresh, the runtime assigns them to
 * the source's subtasks ({@link io.millrace.engine.connector.SplitAssignment}), and each subtask's
 * {@link io.millrace.engine.connector.SourceReader} is polled by its task. At a checkpoint the reader
 * returns its splits WITH their positions; each split is one independent operator-state entry, so on
 * a restore at another parallelism the splits are redistributed over the new subtasks.
 *
 * <p><b>Sinks</b> ({@link io.millrace.engine.connector.Sink}) follow a two-phase-commit contract:
 * {@code write} → {@code preCommit} at the barrier (returns a committable: a transaction handle,
 * stored in the checkpoint) → {@code commit} when the checkpoint completed → on restore, {@code
 * recover} commits the committables of the restored checkpoint and aborts everything else left
 * open. Result: committed output has no loss and no duplicates.
 *
 * <p>Test connectors: {@link io.millrace.engine.connector.CollectionSource} (bounded, in memory,
 * optional event timestamps) and {@link io.millrace.engine.connector.CollectingSink} (exactly-once:
 * only committed output is visible).
 */
package io.millrace.engine.connector;
