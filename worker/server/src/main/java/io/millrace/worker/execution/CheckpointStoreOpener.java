package io.millrace.worker.execution;

import io.millrace.engine.checkpoint.store.CheckpointStore;
import io.millrace.engine.checkpoint.store.CheckpointStores;
import io.millrace.engine.checkpoint.store.S3Settings;
import io.millrace.worker.config.WorkerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.nio.file.Path;

/**
 * Opens the checkpoint store a control-plane message names, or this worker's default (`millrace.worker.checkpoint-store`,
 * else `<data-dir>/checkpoints`) when it names none. Deployments and checkpoint cleanup must resolve the same store,
 * so both go through here.
 */
@ApplicationScoped
public class CheckpointStoreOpener {

    private final WorkerConfig config;

    public CheckpointStoreOpener(WorkerConfig config) {
        this.config = config;
    }

    /** The URI that {@code requested} (empty: none) resolves to on this worker. */
    public String resolve(String requested) {
        return !requested.isEmpty() ? requested
                : config.checkpointStore().filter(s -> !s.isBlank())
                        .orElseGet(() -> Path.of(config.dataDir(), "checkpoints").toAbsolutePath().toUri().toString());
    }

    /**
     * @throws IllegalArgumentException naming the URI and the keys it came from, when it cannot be opened
     */
    public CheckpointStore open(String requested) {
        String uri = resolve(requested);
        try {
            return CheckpointStores.open(URI.create(uri), s3Settings());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("checkpoint store '" + uri + "' (checkpoint_store_uri or"
                    + " millrace.worker.checkpoint-store): " + e.getMessage(), e);
        }
    }

    private S3Settings s3Settings() {
        WorkerConfig.S3 s3 = config.s3();
        return new S3Settings(s3.endpoint().filter(e -> !e.isBlank()).map(URI::create), s3.region(),
                s3.accessKeyId(), s3.secretAccessKey(), s3.pathStyle());
    }
}
