package io.millrace.worker.data;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.millrace.engine.runtime.network.ChannelKey;
import io.millrace.engine.runtime.network.InboundChannel;
import io.millrace.protocol.v1.CreditGrant;
import io.millrace.protocol.v1.DataFrame;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * The receiving side of one Transfer stream: the first frame names the channel, the consumer end is looked up (or
 * waited for), the receiver grants its whole buffer, then one credit per batch the consumer task took. Batches go
 * straight into the {@link InboundChannel}: the sender held a credit for each, so there is always room.
 *
 * <p>gRPC calls {@code onNext/onError/onCompleted} one at a time; credits are granted from the consumer task's thread,
 * so every use of the (non-thread-safe) response observer is synchronized on this object.
 */
final class InboundTransfer implements StreamObserver<DataFrame>, Transfers.Releasable {

    private static final Logger LOG = Logger.getLogger(InboundTransfer.class);

    private final StreamObserver<CreditGrant> credits;
    private final InboundRegistry registry;
    private final Transfers transfers;

    private ChannelKey key;
    private volatile InboundChannel inbound;
    /** No more frames or credits: the stream ended (either way) or was released. */
    private boolean closed;

    InboundTransfer(StreamObserver<CreditGrant> credits, InboundRegistry registry, Transfers transfers) {
        this.credits = credits;
        this.registry = registry;
        this.transfers = transfers;
    }

    @Override
    public void onNext(DataFrame frame) {
        switch (frame.getKindCase()) {
            case OPEN -> open(ChannelOpens.toKey(frame.getOpen()));
            case BATCH -> batch(frame);
            case KIND_NOT_SET -> refuse(Status.INVALID_ARGUMENT.withDescription(
                    "data frame of a kind this worker does not know; is the peer a newer build?"));
        }
    }

    private void open(ChannelKey opened) {
        if (key != null) {
            refuse(Status.INVALID_ARGUMENT.withDescription("second ChannelOpen on the stream of " + key));
            return;
        }
        key = opened;
        transfers.add(AttemptRef.of(key), this);
        registry.claim(key).whenComplete((channel, failure) -> {
            if (failure != null) {
                refuse(statusOf(unwrap(failure)));
            } else {
                bind(channel);
            }
        });
    }

    private Status statusOf(Throwable failure) {
        if (failure instanceof TimeoutException) {
            return Status.NOT_FOUND.withDescription("no consumer task for channel " + key
                    + " was deployed on this worker within millrace.worker.data.registration-timeout");
        }
        return Status.FAILED_PRECONDITION.withDescription(String.valueOf(failure.getMessage()));
    }

    private void bind(InboundChannel channel) {
        synchronized (this) {
            if (closed) {
                channel.fail(new IllegalStateException("the producer's stream of " + key + " ended before the"
                        + " consumer was deployed"));
                return;
            }
            inbound = channel;
            grant(channel.initialCredits());
        }
        channel.onCredit(this::grant);
        LOG.debugf("job=%s attempt=%d channel %s: receiving, %d initial credits", key.jobId(), key.attempt(),
                key.displayName(), channel.initialCredits());
    }

    private void batch(DataFrame frame) {
        InboundChannel channel = inbound;
        if (channel == null) {
            // Only possible if the sender ignores credits: it holds none before we granted the first.
            refuse(Status.FAILED_PRECONDITION.withDescription("batch before ChannelOpen or before any credit on "
                    + (key == null ? "an unopened stream" : key.toString())));
            return;
        }
        try {
            channel.onFrame(frame.getBatch().toByteArray());
        } catch (RuntimeException e) {
            // The channel already failed its consumer (undecodable frame, or a batch beyond the credits).
            refuse(Status.FAILED_PRECONDITION.withDescription(e.getMessage()));
        }
    }

    private synchronized void grant(int count) {
        if (closed) {
            return;
        }
        try {
            credits.onNext(CreditGrant.newBuilder().setCredits(count).build());
        } catch (RuntimeException streamGone) {
            // The stream was cancelled under us; onError follows and fails the consumer.
            LOG.debugf("channel %s: credit not sent: %s", key, streamGone);
        }
    }

    @Override
    public void onError(Throwable failure) {
        InboundChannel channel;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            channel = inbound;
        }
        forget();
        if (channel != null) {
            Status status = Status.fromThrowable(failure);
            LOG.warnf("job=%s attempt=%d channel %s: producer stream broke: %s", key.jobId(), key.attempt(),
                    key.displayName(), describe(status));
            channel.fail(new ChannelBrokenException("stream from the producer of " + key.displayName() + " broke: "
                    + describe(status), failure));
        }
    }

    @Override
    public void onCompleted() {
        // The sender completes only after its final element went out (its end of input and the last barrier): the
        // consumer has everything. A sender that stops early cancels instead, which arrives as onError.
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            credits.onCompleted();
        }
        forget();
    }

    /** The attempt ended here: stop receiving without failing anyone (the consumer task is gone too). */
    @Override
    public void release() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            credits.onError(Status.CANCELLED.withDescription("attempt ended on the receiving worker")
                    .asRuntimeException());
        }
    }

    private void refuse(Status status) {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            credits.onError(new StatusRuntimeException(status));
        }
        forget();
        LOG.warnf("channel %s: refused the producer's stream: %s", key, describe(status));
    }

    private void forget() {
        if (key != null) {
            transfers.remove(AttemptRef.of(key), this);
        }
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    static String describe(Status status) {
        StringBuilder text = new StringBuilder(status.getCode().toString());
        if (status.getDescription() != null) {
            text.append(": ").append(status.getDescription());
        }
        if (status.getCause() != null && status.getCause().getMessage() != null) {
            text.append(" (").append(status.getCause().getMessage()).append(')');
        }
        return text.toString();
    }
}
