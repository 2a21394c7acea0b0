package io.millrace.controlplane.ingest.service;

import io.millrace.controlplane.ingest.config.IngestConfig;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Writes a request's records to the tenant's stream topic and returns only when Kafka acknowledged every one of them
 * (the channel's producer uses {@code acks=all}). Parsing happens first and completely, so a malformed request
 * writes nothing. A request that fails part-way (some records acknowledged, then a broker error or the timeout)
 * answers 503 with the counts: resending it is at-least-once (the acknowledged records are written again).
 */
@ApplicationScoped
public class StreamIngest {

    /** The outgoing channel (see application.properties); each message names its topic in its metadata. */
    public static final String CHANNEL = "stream-records";

    private static final Logger LOG = Logger.getLogger(StreamIngest.class);

    private final MutinyEmitter<String> emitter;
    private final TopicProvisioner topics;
    private final IngestConfig config;
    private final RecordBatchParser parser;

    // The request size limit bounds what one request buffers; several requests in flight may exceed the emitter's
    // default 256-message buffer, and the waiting caller is the back-pressure.
    public StreamIngest(@Channel(CHANNEL) @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) MutinyEmitter<String> emitter,
            TopicProvisioner topics, IngestConfig config) {
        this.emitter = emitter;
        this.topics = topics;
        this.config = config;
        this.parser = new RecordBatchParser(config.maxRecordSize());
    }

    /** Parses {@code body}, writes every record to the stream's topic, waits for the acknowledgements. */
    public IngestResult ingest(String tenant, String stream, byte[] body, BodyFormat format) {
        String topic = StreamTopics.topicOf(tenant, stream);
        if (body.length > config.maxRequestSize()) {
            throw tooLarge(body.length);
        }
        List<String> records = parser.parse(body, format);
        topics.ensureExists(topic);
        AtomicInteger acknowledged = new AtomicInteger();
        List<Uni<Void>> sends = new ArrayList<>(records.size());
        for (String record : records) {
            Message<String> message = Message.of(record).addMetadata(
                    OutgoingKafkaRecordMetadata.<String>builder().withTopic(topic).build());
            sends.add(emitter.sendMessage(message).invoke(acknowledged::incrementAndGet));
        }
        try {
            Uni.join().all(sends).andCollectFailures().await().atMost(config.ackTimeout());
        } catch (TimeoutException e) {
            throw partial(tenant, topic, records.size(), acknowledged.get(), "Kafka did not acknowledge within "
                    + config.ackTimeout().toMillis() + " ms", e);
        } catch (RuntimeException e) {
            throw partial(tenant, topic, records.size(), acknowledged.get(), "Kafka refused a record: "
                    + rootMessage(e), e);
        }
        LOG.debugf("tenant=%s topic=%s: %d records acknowledged", tenant, topic, records.size());
        return new IngestResult(stream, topic, records.size());
    }

    IngestException tooLarge(long size) {
        return new IngestException(IngestException.Kind.TOO_LARGE, "the body is " + size + " bytes, over the limit of "
                + config.maxRequestSize() + " bytes (millrace.ingest.max-request-size); send fewer records per request");
    }

    private static IngestException partial(String tenant, String topic, int total, int acknowledged, String why,
            Throwable cause) {
        LOG.warnf("tenant=%s topic=%s: %d of %d records acknowledged before: %s", tenant, topic, acknowledged, total,
                why);
        return new IngestException(IngestException.Kind.UNAVAILABLE, why + "; " + acknowledged + " of " + total
                + " records were acknowledged before that. Resending the request may duplicate those.", cause);
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
