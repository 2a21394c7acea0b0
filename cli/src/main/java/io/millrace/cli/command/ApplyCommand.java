package io.millrace.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.millrace.cli.CliSession;
import io.millrace.cli.MillraceCli;
import io.millrace.cli.UsageException;
import io.millrace.cli.api.ApiClient;
import io.millrace.cli.api.PathSegment;
import io.millrace.cli.output.Json;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code apply -f spec.yaml}: an idempotent {@code PUT /api/v1/pipelines/{metadata.name}} with the file's text.
 * Reports "created", "new version N" or "unchanged", so running it from CI on every commit is safe.
 */
@Command(name = "apply", description = "Create or update a pipeline from a spec file (idempotent).")
public class ApplyCommand extends ApiCommand {

    @Mixin
    SpecFile spec;

    @Option(names = "--if-match", paramLabel = "ETAG",
            description = "Apply only if the pipeline is still in this state (its ETag); 412 otherwise.")
    String ifMatch;

    public ApplyCommand(CliSession session) {
        super(session);
    }

    @Override
    public String sourceFile() {
        return spec.label();
    }

    @Override
    protected int run(ApiClient api) {
        String text = spec.read(session.env().in());
        String mediaType = spec.mediaType(text);
        Optional<String> name = SpecName.of(text);
        if (name.isEmpty()) {
            return unnamed(api, text, mediaType);
        }
        Map<String, String> headers = ifMatch == null ? Map.of() : Map.of("If-Match", ifMatch);
        var response = api.putText("/api/v1/pipelines/" + PathSegment.of(name.get()), text, mediaType, headers);
        JsonNode pipeline = api.tree(response);
        emit(pipeline, () -> sentence(pipeline));
        return MillraceCli.OK;
    }

    static String sentence(JsonNode pipeline) {
        String name = Json.text(pipeline, "name");
        String version = Json.text(pipeline, "latestVersion");
        String outcome = Json.text(pipeline, "outcome");
        String what = switch (outcome == null ? "" : outcome) {
            case "CREATED" -> "pipeline " + name + " created (version " + version + ")";
            case "VERSION_ADDED" -> "pipeline " + name + ": new version " + version;
            case "UNCHANGED" -> "pipeline " + name + " unchanged (version " + version + ")";
            default -> "pipeline " + name + " applied (version " + version + ")";
        };
        return what + "\n";
    }

    /** No readable metadata.name: the server says where the spec is broken; a valid unnamed spec cannot be. */
    private int unnamed(ApiClient api, String text, String mediaType) {
        JsonNode validation = ValidateCommand.validate(api, text, mediaType);
        if (validation.path("valid").asBoolean(false)) {
            throw new UsageException(spec.label() + " has no metadata.name; add one (it names the pipeline)");
        }
        emit(validation, () -> Diagnostics.render(spec.label(), validation) + spec.label()
                + ": invalid, nothing applied\n");
        return MillraceCli.API_ERROR;
    }
}
