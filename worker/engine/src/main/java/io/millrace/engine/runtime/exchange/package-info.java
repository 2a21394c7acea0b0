/**
 * Exchanges between tasks inside one worker: bounded queues of batches of elements (records,
 * watermarks, barriers, idle markers, end of input), one {@link io.millrace.engine.runtime.exchange.Channel}
 * per (producer subtask, consumer subtask, edge). A full channel blocks the producer: that is the
 * backpressure, measured per task. Partitioners pick the channel: forward, hash by key group,
 * rebalance, broadcast.
 */
package io.millrace.engine.runtime.exchange;
