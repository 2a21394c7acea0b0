package io.millrace.worker.execution;

import io.millrace.engine.connector.CollectingSink;
import io.millrace.engine.runtime.Connectors;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test-only connector kind {@code test-collecting-sink}: one exactly-once in-memory {@link CollectingSink} per job,
 * surviving attempts like an external system, so a test can read what a deployed job committed.
 */
@ApplicationScoped
public class TestSinks implements ConnectorRegistration {

    public static final String KIND = "test-collecting-sink";

    private final Map<String, CollectingSink> sinks = new ConcurrentHashMap<>();

    @Override
    public Connectors register(Connectors connectors, String jobId, long attempt) {
        return connectors.withSinkKind(KIND, vertex -> sink(jobId));
    }

    public CollectingSink sink(String jobId) {
        return sinks.computeIfAbsent(jobId, id -> new CollectingSink());
    }
}
