package io.millrace.engine.runtime.exchange;

/**
 * Test access to how a consumer TASK reads its channel ({@code Channel.poll()} is package-private in the engine): that
 * read runs the channel's "taken" hook, which is what returns a credit to a remote sender. The network side's public
 * {@code poll(timeout)} does not, so a test consumer must read this way to behave like a task.
 */
public final class ConsumerReads {

    private ConsumerReads() {}

    /** The next batch as a consumer task takes it, or null when none is queued. */
    public static Batch take(Channel channel) {
        return channel.poll();
    }

    /**
     * Like a task with an empty input: takes the next batch, or parks until the channel wakes this thread (a batch
     * arrived) or {@code maxWaitNanos} passed; null when still nothing is queued.
     */
    public static Batch takeWaiting(Channel channel, long maxWaitNanos) {
        channel.attachConsumer(Thread.currentThread());
        Batch batch = channel.poll();
        if (batch == null) {
            java.util.concurrent.locks.LockSupport.parkNanos(maxWaitNanos);
            batch = channel.poll();
        }
        return batch;
    }
}
