package io.millrace.worker.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Configuration of the worker process. Every key is documented here; the README lists them. */
@ConfigMapping(prefix = "millrace.worker")
public interface WorkerConfig {

    /**
     * Stable id of this worker, shown in the control plane's worker list and in every log line. Two live workers must
     * never share an id: a registration replaces the earlier session of the same id. Default: the host name plus a
     * random suffix, generated once per process start.
     */
    Optional<String> id();

    /** Number of task slots this worker offers to the scheduler. Must be at least 1. */
    @WithDefault("4")
    int slots();

    /**
     * Local directory of this worker: task working files (RocksDB instances) under {@code work/<worker id>/<job>/<attempt>},
     * and the default file checkpoint store under {@code checkpoints}. Deleted per attempt when the attempt ends.
     */
    @WithDefault("${java.io.tmpdir}/millrace-worker")
    String dataDir();

    /**
     * Checkpoint store URI used when a deployment does not name one ({@code JobRuntimeSettings.checkpoint_store_uri}):
     * {@code file:///shared/dir}, {@code s3://bucket/prefix} or {@code gs://bucket/prefix}. Default: {@code file://} the
     * {@code checkpoints} directory under {@link #dataDir()}. Every worker of a job must reach the same store (a shared
     * bucket; in local mode and tests one shared directory).
     */
    Optional<String> checkpointStore();

    /** S3 / GCS access for {@code s3://} and {@code gs://} checkpoint stores. */
    S3 s3();

    /** The worker-to-worker data plane (gRPC {@code DataExchange}). */
    Data data();

    /** Kafka for {@code kafka-source} / {@code kafka-sink} nodes that name no {@code bootstrapServers}. */
    Kafka kafka();

    interface Kafka {
        /** Default Kafka cluster ({@code host:port,...}); unset: every Kafka node must name its own. */
        Optional<String> bootstrapServers();
    }

    /** Metrics reporting to the control plane. */
    Metrics metrics();

    /** Where the control plane's worker gateway listens. */
    ControlPlane controlPlane();

    /** How the worker retries when the control plane is unreachable or closes the stream. */
    Reconnect reconnect();

    /** Address of the control plane's gRPC worker gateway (the control plane's HTTP port: gRPC shares it). */
    interface ControlPlane {

        /** Host name or IP address of the control plane. */
        @WithDefault("127.0.0.1")
        String host();

        /** Port of the control plane (its HTTP port, which also serves gRPC). */
        @WithDefault("8080")
        int port();
    }

    /**
     * The data plane. The {@code DataExchange} gRPC service has a port of its own (a grpc-java Netty server, not the
     * HTTP server: see {@code DataServer}); peers dial {@code advertised-host:<bound data port>}.
     */
    interface Data {

        /** Interface the data port binds to; {@code 0.0.0.0} in a pod, where peers come from other hosts. */
        @WithDefault("127.0.0.1")
        String bindHost();

        /** The data port; 0 (default) picks a free port, which the worker registers as part of its address. */
        @WithDefault("0")
        int port();

        /** Host name or IP address peers use to reach this worker's data port (sent as {@code data_address}). */
        @WithDefault("127.0.0.1")
        String advertisedHost();

        /**
         * Largest data frame (one encoded batch) this worker accepts, in bytes. gRPC's default of 4 MiB is too small for a batch of big
         * records: a bigger frame fails the channel (both tasks) with RESOURCE_EXHAUSTED naming this key.
         */
        @WithDefault("67108864")
        int maxMessageSize();

        /**
         * How long an incoming channel waits for its consumer task to be deployed here. Deployments race: a producer on
         * another worker may connect before this worker has built the consumer; after this the stream fails with
         * NOT_FOUND and the producer task fails.
         */
        @WithDefault("30s")
        Duration registrationTimeout();
    }

    /** How the worker reports task and channel metrics. */
    interface Metrics {

        /** Interval of {@code WorkerMetrics} reports to the control plane while tasks run. */
        @WithDefault("5s")
        Duration interval();
    }

    /** S3-compatible object store access (AWS S3, GCS through its XML API with HMAC keys, MinIO...). */
    interface S3 {

        /** Endpoint override (MinIO, a local S3 server); empty: the provider's default (GCS's for {@code gs://}). */
        Optional<String> endpoint();

        /** Region for request signing. */
        @WithDefault("us-east-1")
        String region();

        /** Access key id; empty: the SDK's default credential chain. Set together with the secret. */
        Optional<String> accessKeyId();

        /** Secret access key (never logged). */
        Optional<String> secretAccessKey();

        /** Path-style bucket addressing (needed by most S3-compatible servers). */
        @WithDefault("false")
        boolean pathStyle();
    }

    /** Reconnect policy: exponential backoff, capped, with full jitter. */
    interface Reconnect {

        /** Delay before the first reconnect attempt after a session ends; doubles with each failed attempt. */
        @WithDefault("500ms")
        Duration initialBackoff();

        /** Upper bound of the reconnect delay. */
        @WithDefault("30s")
        Duration maxBackoff();

        /**
         * Delay before registering again after the control plane REFUSED the registration (for example an incompatible
         * protocol version). A refusal needs an operator to act, so the worker asks again only rarely, never in a loop.
         */
        @WithDefault("2m")
        Duration afterRefusal();
    }
}
