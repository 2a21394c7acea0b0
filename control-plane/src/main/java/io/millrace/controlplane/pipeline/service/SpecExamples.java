package io.millrace.controlplane.pipeline.service;

import io.millrace.spec.schema.PipelineSchema;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * The spec examples pipeline-spec ships as classpath resources under {@value #FOLDER} (its {@code examples/} folder),
 * offered to the console and the CLI as templates. Read once, on first use, from the jar (or the classes folder) that
 * holds pipeline-spec — found through the schema resource that lives next to them.
 */
@ApplicationScoped
public class SpecExamples {

    static final String FOLDER = "io/millrace/spec/examples";
    private static final Logger LOG = Logger.getLogger(SpecExamples.class);

    /** One template: its id is its path under the examples folder without {@code .yaml}. */
    public record Example(String id, String spec) {
    }

    private volatile List<Example> examples;

    public List<Example> all() {
        List<Example> loaded = examples;
        if (loaded == null) {
            loaded = load();
            examples = loaded;
        }
        return loaded;
    }

    private static List<Example> load() {
        URL anchor = PipelineSchema.class.getClassLoader().getResource(PipelineSchema.RESOURCE);
        if (anchor == null) {
            LOG.warnf("no %s on the class path: serving no spec examples", PipelineSchema.RESOURCE);
            return List.of();
        }
        try {
            URI uri = anchor.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    return read(jar.getPath("/" + FOLDER));
                }
            }
            Path schema = Path.of(uri);
            Path root = schema;
            for (int i = 0; i < PipelineSchema.RESOURCE.split("/").length; i++) {
                root = root.getParent();
            }
            return read(root.resolve(FOLDER));
        } catch (IOException e) {
            throw new UncheckedIOException("reading the spec examples next to " + anchor, e);
        } catch (URISyntaxException | RuntimeException e) {
            LOG.warnf("cannot list the spec examples next to %s (%s): serving none", anchor, e.getMessage());
            return List.of();
        }
    }

    private static List<Example> read(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Example> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted(Comparator.comparing(
                    Path::toString)).toList()) {
                String id = folder.relativize(file).toString().replace('\\', '/').replaceAll("\\.yaml$", "");
                found.add(new Example(id, Files.readString(file, StandardCharsets.UTF_8)));
            }
        }
        return List.copyOf(found);
    }
}
