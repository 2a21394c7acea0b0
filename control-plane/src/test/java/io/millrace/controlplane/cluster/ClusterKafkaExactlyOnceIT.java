package io.millrace.controlplane.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.millrace.controlplane.ingest.service.BodyFormat;
import io.millrace.controlplane.ingest.service.StreamIngest;
import io.millrace.controlplane.job.restart.RestartPolicy;
import io.millrace.controlplane.job.service.JobService;
import io.millrace.controlplane.job.service.SubmitOptions;
import io.millrace.controlplane.job.service.TaskView;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Exactly-once from Kafka to Kafka across worker PROCESSES: the control plane in this JVM (real PostgreSQL), a real
 * broker from local-stack, three worker JVMs (3 slots each) started from the reactor's worker jar. N keyed JSON events
 * in a 4-partition topic; the job is {@code kafka-source} (bounded, one subtask per partition: watermarks are per source
 * subtask) → tumbling 1 s window count keyed by {@code value.key} (parallelism 2, the shuffle crosses workers) →
 * {@code kafka-sink} exactly-once. A worker holding a window/sink subtask is killed with {@code kill -9} after the
 * first completed checkpoint, a replacement worker starts, the job recovers from the checkpoint (sink recovery on one
 * worker before the others deploy) and FINISHES. The output topic read with {@code read_committed} must equal the
 * counts computed from the produced events, window for window, none twice. A second test runs the HTTP-ingest path
 * (stream records → tenant topic → {@code http-source} on a worker → exactly-once sink) on the same fleet.
 *
 * <p>Needs the worker jar: {@code mvn -pl worker/server -am package -DskipTests}. {@code -Dcluster.kafka.events=N}
 * changes N (default 1,000,000: with 400,000 warm workers once finished the job in 3 s, before the first 2 s checkpoint completed, so the kill never came). Worker logs: {@code control-plane/target/cluster-it/<run>/logs}.
 */
@QuarkusTest
@TestProfile(ClusterKafkaTestProfile.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterKafkaExactlyOnceIT {

    private static final Logger LOG = Logger.getLogger(ClusterKafkaExactlyOnceIT.class);
    private static final String TENANT = "cluster-kafka-tests";
    private static final int EVENTS = Integer.getInteger("cluster.kafka.events", 1_000_000);
    private static final int PARTITIONS = 4;
    private static final int KEYS = 50;
    /**
     * Event time of event 0: the start of the current second. Event time is also the Kafka record timestamp, and a
     * timestamp older than the broker's retention (7 days) would have its segment deleted under the reader.
     */
    private static final long BASE_EPOCH_MILLIS = System.currentTimeMillis() / 1000 * 1000;
    private static final Duration WORKERS_UP = Duration.ofSeconds(90);
    private static final Duration JOB_DONE = Duration.ofSeconds(180);

    @TestHTTPResource("/")
    URL root;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    JobService jobs;

    @Inject
    StreamIngest ingest;

    private final ObjectMapper json = new ObjectMapper();
    private Path run;
    private WorkerFleet fleet;
    private JobProbe probe;
    private KafkaTopics kafka;

    /** Event {@code seq}'s event time: 1 ms apart, so each partition (seq % 4) is in time order. */
    private static long time(long seq) {
        return BASE_EPOCH_MILLIS + seq;
    }

    private static String key(long seq) {
        return "k" + (seq % KEYS);
    }

    private static String spec(String in, String out) {
        return """
                apiVersion: millrace.io/v1
                kind: Pipeline
                metadata: {name: cluster-kafka-window-count}
                spec:
                  parallelism: 2
                  checkpointing: {interval: 1s, mode: exactly-once}
                  nodes:
                    - {id: events, type: kafka-source, topic: %s, format: json, startFrom: earliest, bounded: true,
                       parallelism: %d, watermark: {timestamp: value.time, maxOutOfOrderness: 2s}}
                    - id: counts
                      type: window-aggregate
                      inputs: [events]
                      keyBy: "value.key"
                      window: {type: tumbling, size: 1s}
                      aggregates: [{name: count, fn: count}]
                    - {id: out, type: kafka-sink, inputs: [counts], topic: %s, key: "value.key", format: json,
                       delivery: exactly-once}
                """.formatted(in, PARTITIONS, out);
    }

    /** key@windowStart -> count, computed from the events' definition. */
    private static Map<String, Long> expectedCounts() {
        Map<String, Long> counts = new HashMap<>();
        for (long i = 0; i < EVENTS; i++) {
            String window = Instant.ofEpochMilli(Math.floorDiv(time(i), 1000L) * 1000L).toString();
            counts.merge(key(i) + "@" + window, 1L, Long::sum);
        }
        return counts;
    }

    @BeforeAll
    void startWorkers() throws IOException {
        run = Files.createDirectories(Path.of("target", "cluster-it", "kafka-run-" + System.currentTimeMillis())
                .toAbsolutePath());
        probe = new JobProbe(dataSource);
        kafka = new KafkaTopics(bootstrapServers);
        fleet = new WorkerFleet("kafka-w", new WorkerProcess.Settings(root.getPort(), run.resolve("workers"),
                run.resolve("checkpoints"), run.resolve("logs"), 3,
                Map.of("MILLRACE_WORKER_KAFKA_BOOTSTRAP_SERVERS", bootstrapServers)));
        for (int i = 0; i < 3; i++) {
            fleet.startWorker();
        }
        List<String> ids = fleet.alive().stream().map(WorkerProcess::id).toList();
        await().atMost(WORKERS_UP).pollInterval(Duration.ofMillis(200)).until(() -> probe.connected(ids) >= 3);
    }

    @AfterAll
    void stopWorkers() {
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    void killingAWorkerMidStreamKeepsTheReadCommittedOutputExact() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String in = TENANT + ".cluster-eos-in-" + suffix;
        String out = TENANT + ".cluster-eos-out-" + suffix;
        kafka.create(in, PARTITIONS);
        kafka.create(out, 3);
        produce(in);

        // Checkpoints 2 s apart: the kill lands right after the first one completed — typically before its sink
        // transactions were committed (the window between completion and commit measured above 100 ms here), which
        // recovery must then commit by resuming them — and long before the next checkpoint. A short restart delay.
        SubmitOptions options = new SubmitOptions(null, null, new RestartPolicy.FixedDelay(10, 100),
                Duration.ofSeconds(2));
        UUID jobId = jobs.submit(TENANT, spec(in, out), options).id();
        String job = jobId.toString();
        await().atMost(JOB_DONE).pollInterval(Duration.ofMillis(20)).until(() ->
                completedCheckpoints(job, false) >= 1 && "RUNNING".equals(probe.job(job).state()));
        long attempt = probe.job(job).attempt();
        // A worker running a window/sink subtask: its open transactions die with it.
        List<String> alive = fleet.alive().stream().map(WorkerProcess::id).toList();
        String victim = jobs.get(TENANT, jobId).tasks().stream().filter(t -> t.chainId().equals("counts"))
                .map(TaskView::workerId).filter(alive::contains).sorted().findFirst()
                .orElseThrow(() -> new AssertionError("no live worker of " + alive + " runs a counts subtask"));

        List<String> firstTransactions = firstCheckpointTransactionStates(job);
        fleet.byId(victim).orElseThrow().kill();
        Instant killedAt = Instant.now();
        LOG.infof("job=%s: killed %s when the first checkpoint's sink transactions were %s", job, victim,
                firstTransactions);
        assertThat(completedCheckpoints(job, true)).as("killed before the final checkpoint (the sources were still"
                + " reading); if not, raise -Dcluster.kafka.events").isZero();
        fleet.startWorker(); // the replacement machine

        await().atMost(JOB_DONE).until(() -> probe.runningAfter(job, attempt).isPresent());
        long recoveryMillis = Duration.between(killedAt, probe.runningAfter(job, attempt).orElseThrow()).toMillis();
        awaitFinished(job);
        LOG.infof("kafka cluster recovery: kill -9 of %s -> attempt %d RUNNING in %d ms (job=%s, %d events)", victim,
                probe.job(job).attempt(), recoveryMillis, job, EVENTS);
        // Exactly one redeploy: no sink writer of the new attempt was fenced by the sink recovery (the cluster race
        // the deployment order prevents would fail that writer's task and cost another attempt).
        assertThat(probe.job(job).attempt()).as("recovered in exactly one new attempt").isEqualTo(attempt + 1);

        List<String> committed = kafka.readAll(out, true);
        Map<String, Long> actual = new HashMap<>();
        for (String doc : committed) {
            JsonNode window = json.readTree(doc);
            String id = window.path("key").asText() + "@" + window.path("windowStart").asText();
            Long previous = actual.put(id, window.path("count").asLong());
            assertThat(previous).as("window %s committed twice", doc).isNull();
        }
        Map<String, Long> expected = expectedCounts();
        assertThat(actual).hasSameSizeAs(expected).isEqualTo(expected);
        assertThat(actual.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(EVENTS);
        int written = kafka.readAll(out, false).size();
        LOG.infof("job=%s: %d windows committed exactly once; %d window documents written in all (aborted ones"
                + " included); recovery %d ms", job, committed.size(), written, recoveryMillis);
    }

    /**
     * The HTTP-ingest path end to end: records accepted by the control plane's ingest ({@link StreamIngest}, what
     * {@code POST /api/v1/streams/{stream}/records} calls after authentication — the REST layer has its own test) land
     * in the tenant's stream topic, and a job's {@code http-source} on a worker PROCESS reads them like a Kafka source:
     * filtered and written exactly-once, every accepted record that passes the filter arrives once. Records posted
     * BEFORE the job starts are read too (the source starts from the earliest record when it has no offsets).
     */
    @Test
    void recordsPostedToAStreamReachTheHttpSourceOfAJobOnAWorker() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String stream = "orders-" + suffix;
        String out = TENANT + ".http-out-" + suffix;
        kafka.create(out, 1);
        int perRequest = 500;
        ingest.ingest(TENANT, stream, ndjson(0, perRequest), BodyFormat.NDJSON);

        String spec = """
                apiVersion: millrace.io/v1
                kind: Pipeline
                metadata: {name: http-ingest-e2e}
                spec:
                  parallelism: 1
                  checkpointing: {interval: 1s, mode: exactly-once}
                  nodes:
                    - {id: orders, type: http-source, stream: %s, format: json,
                       schema: {fields: [{name: id, type: int}, {name: amount, type: int}]}}
                    - {id: big, type: filter, inputs: [orders], expression: "value.amount >= 50"}
                    - {id: out, type: kafka-sink, inputs: [big], topic: %s, format: json, delivery: exactly-once}
                """.formatted(stream, out);
        UUID jobId = jobs.submit(TENANT, spec, new SubmitOptions(null, null, null, Duration.ofSeconds(1))).id();
        String job = jobId.toString();
        await().atMost(JOB_DONE).until(() -> "RUNNING".equals(probe.job(job).state()));
        // A second batch while the job runs.
        ingest.ingest(TENANT, stream, ndjson(perRequest, perRequest), BodyFormat.NDJSON);

        List<Long> expected = new java.util.ArrayList<>();
        for (long id = 0; id < 2L * perRequest; id++) {
            if (amount(id) >= 50) {
                expected.add(id);
            }
        }
        await().atMost(JOB_DONE).pollInterval(Duration.ofMillis(500)).until(() ->
                kafka.readAll(out, true).size() >= expected.size());
        jobs.cancel(TENANT, jobId).get(60, java.util.concurrent.TimeUnit.SECONDS);

        List<Long> ids = new java.util.ArrayList<>();
        for (String doc : kafka.readAll(out, true)) {
            JsonNode record = json.readTree(doc);
            assertThat(record.path("amount").asLong()).isGreaterThanOrEqualTo(50);
            ids.add(record.path("id").asLong());
        }
        assertThat(ids).containsExactlyInAnyOrderElementsOf(expected);
    }

    private static long amount(long id) {
        return (id * 37) % 100;
    }

    private static byte[] ndjson(long from, int count) {
        StringBuilder body = new StringBuilder();
        for (long id = from; id < from + count; id++) {
            body.append("{\"id\":").append(id).append(",\"amount\":").append(amount(id)).append("}\n");
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The coordinator's state of each sink subtask's first-checkpoint transaction (transactional id
     * {@code millrace.<job>.out.<subtask>.0}, see connectors/kafka/README.md): ONGOING at the kill means the restored
     * transaction could only be committed by resuming it from its producer id and epoch.
     */
    private List<String> firstCheckpointTransactionStates(String job) throws Exception {
        List<String> states = new java.util.ArrayList<>();
        for (int subtask = 0; subtask < 2; subtask++) {
            states.add(kafka.transactionState("millrace." + job + ".out." + subtask + ".0"));
        }
        return states;
    }

    /** Completed checkpoints of the job's first attempt, periodic or final ones. */
    private long completedCheckpoints(String job, boolean finalOnes) {
        try (java.sql.Connection c = dataSource.getConnection();
                java.sql.PreparedStatement s = c.prepareStatement("SELECT count(*) FROM checkpoint WHERE job_id = ?::uuid"
                        + " AND attempt = 1 AND status = 'COMPLETED' AND final = ?")) {
            s.setString(1, job);
            s.setBoolean(2, finalOnes);
            try (java.sql.ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void produce(String topic) {
        Map<String, Object> p = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 10,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (long i = 0; i < EVENTS; i++) {
                String value = "{\"seq\":" + i + ",\"key\":\"" + key(i) + "\",\"time\":" + time(i) + "}";
                producer.send(new ProducerRecord<>(topic, (int) (i % PARTITIONS), time(i),
                        key(i).getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
        }
    }

    private void awaitFinished(String job) {
        await().atMost(JOB_DONE).pollInterval(Duration.ofMillis(200)).until(() -> {
            JobProbe.JobRow row = probe.job(job);
            if (row.state().equals("FAILED") || row.state().equals("CANCELED")) {
                throw new AssertionError("job " + job + " ended " + row.state() + ": " + row.reason()
                        + " (worker logs: " + run.resolve("logs") + ")");
            }
            return row.state().equals("FINISHED");
        });
    }
}
