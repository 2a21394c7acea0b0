package io.millrace.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.Optional;

/**
 * Reads {@code metadata.name} from a spec text (YAML or JSON; YAML parses both) so {@code apply} knows which pipeline
 * to PUT. Everything else about the spec is the server's business: a text this cannot read goes to
 * {@code :validate} for located errors.
 */
final class SpecName {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private SpecName() {
    }

    static Optional<String> of(String text) {
        try {
            JsonNode name = YAML.readTree(text).path("metadata").path("name");
            return name.isTextual() && !name.asText().isBlank() ? Optional.of(name.asText()) : Optional.empty();
        } catch (Exception e) {
            // Unparseable text: the caller asks the server where exactly it is broken.
            return Optional.empty();
        }
    }
}
