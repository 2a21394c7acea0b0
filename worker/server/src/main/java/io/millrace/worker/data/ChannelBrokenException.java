package io.millrace.worker.data;

/** A remote channel's stream broke before its end: the task on this side of it fails with this cause. */
public final class ChannelBrokenException extends RuntimeException {

    public ChannelBrokenException(String message, Throwable cause) {
        super(message, cause);
    }

    public ChannelBrokenException(String message) {
        super(message);
    }
}
