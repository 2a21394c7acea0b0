package io.millrace.cli.command;

import io.millrace.cli.UsageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Option;

/** {@code -f/--file}: the spec to send ({@code -} reads standard input), with the media type it is sent as. */
public final class SpecFile {

    @Option(names = { "-f", "--file" }, required = true, paramLabel = "SPEC",
            description = "Pipeline spec, YAML or JSON ('-' for standard input).")
    String file;

    /** What error locations are prefixed with. */
    public String label() {
        return "-".equals(file) ? "<stdin>" : file;
    }

    public String read(InputStream stdin) {
        try {
            if ("-".equals(file)) {
                return new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
            }
            return Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UsageException("spec file " + file + " does not exist");
        } catch (IOException e) {
            throw new UsageException("cannot read spec file " + file + ": " + e.getMessage());
        }
    }

    /** JSON for {@code .json} or text starting with '{', YAML otherwise (the API sniffs the same way). */
    public String mediaType(String text) {
        String name = file.toLowerCase(Locale.ROOT);
        if (name.endsWith(".json") || (!name.endsWith(".yaml") && !name.endsWith(".yml")
                && text.stripLeading().startsWith("{"))) {
            return "application/json";
        }
        return "application/yaml";
    }
}
