package io.millrace.cli.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

/** What the CLI reads locally before calling the API: a spec's name, its media type, and savepoint references. */
class SpecInputsTest {

    @Test
    void theNameComesFromMetadataInYamlOrJson() {
        assertThat(SpecName.of("apiVersion: millrace.io/v1\nmetadata:\n  name: word-count\nspec: {}\n"))
                .contains("word-count");
        assertThat(SpecName.of("{\"metadata\": {\"name\": \"wc\"}}")).contains("wc");
    }

    @Test
    void noNameForBrokenOrUnnamedSpecs() {
        assertThat(SpecName.of("metadata: [unclosed")).isEmpty();
        assertThat(SpecName.of("metadata: {description: x}")).isEmpty();
        assertThat(SpecName.of("metadata: {name: 42}")).as("a number is not a name").isEmpty();
        assertThat(SpecName.of("")).isEmpty();
    }

    @Test
    void mediaTypeFollowsTheExtensionElseTheFirstCharacter() {
        assertThat(specFile("a.json").mediaType("kind: x")).isEqualTo("application/json");
        assertThat(specFile("a.yaml").mediaType("{\"kind\": 1}")).isEqualTo("application/yaml");
        assertThat(specFile("a.yml").mediaType("kind: x")).isEqualTo("application/yaml");
        assertThat(specFile("-").mediaType("  {\"kind\": 1}")).isEqualTo("application/json");
        assertThat(specFile("-").mediaType("kind: x")).isEqualTo("application/yaml");
        assertThat(specFile("-").label()).isEqualTo("<stdin>");
    }

    @Test
    void savepointReferencesAreJobColonCheckpoint() {
        UUID job = UUID.randomUUID();
        assertThat(new SavepointRef.Converter().convert(job + ":42")).isEqualTo(new SavepointRef(job, 42));
        assertThatThrownBy(() -> new SavepointRef.Converter().convert(job.toString()))
                .isInstanceOf(TypeConversionException.class).hasMessageContaining("is not JOB:CHECKPOINT");
        assertThatThrownBy(() -> new SavepointRef.Converter().convert(job + ":-1"))
                .isInstanceOf(TypeConversionException.class).hasMessageContaining("is not a checkpoint id");
        assertThatThrownBy(() -> new SavepointRef.Converter().convert(job + ":x"))
                .isInstanceOf(TypeConversionException.class).hasMessageContaining("'x' is not a checkpoint id");
    }

    private static SpecFile specFile(String name) {
        SpecFile file = new SpecFile();
        file.file = name;
        return file;
    }
}
