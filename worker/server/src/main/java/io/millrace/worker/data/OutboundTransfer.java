package io.millrace.worker.data;

import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.millrace.engine.runtime.network.ChannelKey;
import io.millrace.engine.runtime.network.OutboundChannel;
import io.millrace.protocol.v1.CreditGrant;
import io.millrace.protocol.v1.DataExchangeGrpc;
import io.millrace.protocol.v1.DataFrame;
import com.google.protobuf.UnsafeByteOperations;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The sending side of one remote channel: one Transfer stream to the consumer's worker and one thread that moves the
 * producer's encoded batches onto it. {@link OutboundChannel#nextFrame} hands out a batch only against a credit, so
 * at most "receiver buffer" batches are ever in flight; gRPC's own readiness is honoured as well, so a slow network
 * does not pile frames up in gRPC's send buffer. The thread alone uses the (non-thread-safe) request observer.
 */
final class OutboundTransfer implements Transfers.Releasable {

    private static final Logger LOG = Logger.getLogger(OutboundTransfer.class);
    /** How long one wait for a frame lasts before the thread re-checks whether it was released. */
    private static final long POLL_MILLIS = 200;

    private final ChannelKey key;
    private final OutboundChannel outbound;
    private final String address;
    private final DataExchangeGrpc.DataExchangeStub stub;
    private final Transfers transfers;
    private final Object readiness = new Object();
    private final Thread sender;

    private volatile ClientCallStreamObserver<DataFrame> requests;
    /** Released (attempt ended) or ended by the receiver: the thread stops without failing the channel. */
    private volatile boolean stopped;
    /** The last element went out and the stream was completed. */
    private volatile boolean completed;

    OutboundTransfer(ChannelKey key, OutboundChannel outbound, String address, DataExchangeGrpc.DataExchangeStub stub,
            Transfers transfers) {
        this.key = key;
        this.outbound = outbound;
        this.address = address;
        this.stub = stub;
        this.transfers = transfers;
        this.sender = new Thread(this::run, "data-out-" + key.displayName());
        this.sender.setDaemon(true);
    }

    void start() {
        transfers.add(AttemptRef.of(key), this);
        sender.start();
    }

    private void run() {
        try {
            stub.transfer(new Responses());
            requests.onNext(DataFrame.newBuilder().setOpen(ChannelOpens.toOpen(key)).build());
            LOG.debugf("job=%s attempt=%d channel %s: sending to %s", key.jobId(), key.attempt(), key.displayName(),
                    address);
            while (!stopped) {
                byte[] frame = outbound.nextFrame(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (frame != null) {
                    awaitReady();
                    if (stopped) {
                        break;
                    }
                    // The frame is ours (the channel encoded it for us): wrap, do not copy.
                    requests.onNext(DataFrame.newBuilder().setBatch(UnsafeByteOperations.unsafeWrap(frame)).build());
                }
                if (outbound.drained()) {
                    completed = true;
                    requests.onCompleted();
                    LOG.debugf("job=%s attempt=%d channel %s: all sent", key.jobId(), key.attempt(),
                            key.displayName());
                    return;
                }
            }
        } catch (InterruptedException released) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (!stopped) {
                fail("sending on the stream to " + address + " failed: " + e, e);
            }
        }
        if (!completed && requests != null) {
            // Stopping early: tell the receiver (it sees CANCELLED) and free the stream.
            requests.cancel("the producer of " + key.displayName() + " stopped", null);
        }
    }

    private void awaitReady() throws InterruptedException {
        synchronized (readiness) {
            while (!stopped && !requests.isReady()) {
                readiness.wait(POLL_MILLIS);
            }
        }
    }

    private void fail(String message, Throwable cause) {
        stopped = true;
        sender.interrupt();
        transfers.remove(AttemptRef.of(key), this);
        LOG.warnf("job=%s attempt=%d channel %s: %s", key.jobId(), key.attempt(), key.displayName(), message);
        outbound.fail(new ChannelBrokenException("channel " + key.displayName() + ": " + message, cause));
    }

    /** The attempt ended here: stop sending, without failing the (already ending) producer. */
    @Override
    public void release() {
        stopped = true;
        sender.interrupt();
    }

    /** gRPC callbacks of the stream: credits in, and how the receiver ended it. */
    private final class Responses implements ClientResponseObserver<DataFrame, CreditGrant> {

        @Override
        public void beforeStart(ClientCallStreamObserver<DataFrame> requestStream) {
            requests = requestStream;
            requestStream.setOnReadyHandler(() -> {
                synchronized (readiness) {
                    readiness.notifyAll();
                }
            });
        }

        @Override
        public void onNext(CreditGrant grant) {
            outbound.addCredits(grant.getCredits());
        }

        @Override
        public void onError(Throwable failure) {
            if (stopped) {
                return;
            }
            Status status = Status.fromThrowable(failure);
            String hint = status.getCode() == Status.Code.RESOURCE_EXHAUSTED
                    ? "; a batch exceeded the receiver's millrace.worker.data.max-message-size (raise it or lower the"
                            + " job's batch size)"
                    : "";
            fail("stream to " + address + " broke: " + InboundTransfer.describe(status) + hint, failure);
        }

        @Override
        public void onCompleted() {
            transfers.remove(AttemptRef.of(key), OutboundTransfer.this);
            if (!completed && !stopped) {
                fail("the receiver at " + address + " closed the stream before the end of the channel", null);
            }
        }
    }
}
