package io.millrace.worker.execution;

import io.millrace.engine.connector.InputStatus;
import io.millrace.engine.connector.ReaderOutput;
import io.millrace.engine.connector.Source;
import io.millrace.engine.connector.SourceReader;
import io.millrace.engine.connector.SourceReaderContext;
import io.millrace.engine.connector.SourceSplit;
import io.millrace.engine.connector.SplitCodec;
import io.millrace.engine.connector.datagen.DatagenSource;
import io.millrace.engine.runtime.Connectors;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Test-only connector kind {@code test-gauged-datagen}: the datagen source whose readers register a gauge
 * {@value #GAUGE} = {@value #GAUGE_VALUE}, as a Kafka reader registers its lag, so a test can follow a node gauge from
 * the reader to the worker's metrics report.
 */
@ApplicationScoped
public class TestSources implements ConnectorRegistration {

    public static final String KIND = "test-gauged-datagen";
    public static final String GAUGE = "test.backlog";
    public static final long GAUGE_VALUE = 42;

    @Override
    public Connectors register(Connectors connectors, String jobId, long attempt) {
        return connectors.withSourceKind(KIND, vertex -> new Gauged<>(DatagenSource.fromSettings(vertex.id(),
                vertex.settings())));
    }

    private record Gauged<S extends SourceSplit>(Source<S> source) implements Source<S> {

        @Override
        public List<S> discoverSplits() throws Exception {
            return source.discoverSplits();
        }

        @Override
        public SourceReader<S> createReader(SourceReaderContext context) {
            context.metrics().gauge(GAUGE, () -> GAUGE_VALUE);
            SourceReader<S> reader = source.createReader(context);
            return new SourceReader<>() {
                @Override
                public void addSplits(List<S> splits) {
                    reader.addSplits(splits);
                }

                @Override
                public InputStatus pollNext(ReaderOutput output) throws Exception {
                    return reader.pollNext(output);
                }

                @Override
                public List<S> snapshotState(long checkpointId) {
                    return reader.snapshotState(checkpointId);
                }

                @Override
                public void notifyCheckpointComplete(long checkpointId) throws Exception {
                    reader.notifyCheckpointComplete(checkpointId);
                }

                @Override
                public void close() throws Exception {
                    reader.close();
                }
            };
        }

        @Override
        public SplitCodec<S> splitCodec() {
            return source.splitCodec();
        }

        @Override
        public boolean bounded() {
            return source.bounded();
        }
    }
}
