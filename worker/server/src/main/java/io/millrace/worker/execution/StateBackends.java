package io.millrace.worker.execution;

import io.millrace.engine.state.StateBackend;
import io.millrace.engine.state.heap.HeapStateBackend;
import io.millrace.engine.state.rocksdb.RocksDbOptions;
import io.millrace.engine.state.rocksdb.RocksDbStateBackend;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The keyed-state backends of this process, by the names {@code JobRuntimeSettings.state_backend} uses. One RocksDB
 * backend for the whole worker: its block cache and write-buffer budget are shared by every task here, so memory is
 * bounded per process, not per task. Created on first use (stateless workers never load the native library).
 */
@ApplicationScoped
public class StateBackends {

    private RocksDbStateBackend rocksDb;
    private final HeapStateBackend heap = new HeapStateBackend();

    /**
     * @return the backend, or null for {@code none} / empty (a stateless job)
     * @throws DeploymentException for an unknown name
     */
    public synchronized StateBackend named(String name) {
        return switch (name == null ? "" : name) {
            case "", "none" -> null;
            case HeapStateBackend.KIND -> heap;
            case RocksDbStateBackend.KIND -> {
                if (rocksDb == null) {
                    rocksDb = new RocksDbStateBackend(RocksDbOptions.defaults());
                }
                yield rocksDb;
            }
            default -> throw new DeploymentException("unknown state backend '" + name
                    + "' in the job's runtime settings; use rocksdb, heap or none", false);
        };
    }

    synchronized void close(@Observes ShutdownEvent event) {
        if (rocksDb != null) {
            rocksDb.close();
            rocksDb = null;
        }
    }
}
