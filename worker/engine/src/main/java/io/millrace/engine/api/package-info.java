/**
 * The operator API of the Millrace engine: what an operator implementation sees and nothing more.
 *
 * <ul>
 *   <li>{@link io.millrace.engine.api.StreamRecord}: one record (value in the record model of
 *       {@code pipeline-spec/docs/expressions.md}, its key after a keyed exchange, its event time).
 *   <li>{@link io.millrace.engine.api.OneInputOperator} / {@link io.millrace.engine.api.TwoInputOperator}
 *       (both {@link io.millrace.engine.api.StreamOperator}): the lifecycle the runtime drives, always
 *       from ONE task thread (operators need no synchronization).
 *   <li>{@link io.millrace.engine.api.Output}: main output, side outputs ({@link
 *       io.millrace.engine.api.OutputTag#LATE}, {@link io.millrace.engine.api.OutputTag#DEAD_LETTER}),
 *       watermarks.
 *   <li>{@link io.millrace.engine.api.OperatorContext}: identity (node id, subtask, key groups),
 *       settings of the plan vertex, expressions, timers, processing time, metrics, keyed state.
 * </ul>
 *
 * <p>Contracts the runtime guarantees: for a keyed operator the current key of the keyed state backend
 * and of the {@link io.millrace.engine.api.TimerService} is the record's key during {@code
 * processRecord} (when the record carries one: a keyed operator fed without a key must key the record
 * itself, e.g. with its {@code keyBy}), and the timer's key during {@code onEventTimeTimer}/{@code onProcessingTimeTimer};
 * event-time timers with {@code timestamp <= watermark} fire BEFORE {@code processWatermark} is called
 * for that watermark; operators must treat incoming values as immutable (records are passed by
 * reference inside a worker).
 */
package io.millrace.engine.api;
