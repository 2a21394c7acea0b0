package io.millrace.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.millrace.cli.CliSession;
import io.millrace.cli.MillraceCli;
import io.millrace.cli.api.ApiClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code validate -f spec.yaml}: the server's located errors and warnings; exit 1 when the spec is invalid. */
@Command(name = "validate", description = "Validate a spec on the server; errors as file:line:column: message.")
public class ValidateCommand extends ApiCommand {

    @Mixin
    SpecFile spec;

    public ValidateCommand(CliSession session) {
        super(session);
    }

    @Override
    public String sourceFile() {
        return spec.label();
    }

    @Override
    protected int run(ApiClient api) {
        String text = spec.read(session.env().in());
        JsonNode validation = validate(api, text, spec.mediaType(text));
        boolean valid = validation.path("valid").asBoolean(false);
        emit(validation, () -> Diagnostics.render(spec.label(), validation) + spec.label() + ": "
                + (valid ? "valid" : "invalid (" + validation.path("errors").size() + " errors)") + "\n");
        return valid ? MillraceCli.OK : MillraceCli.API_ERROR;
    }

    static JsonNode validate(ApiClient api, String text, String mediaType) {
        return api.tree(api.postText("/api/v1/pipelines:validate", text, mediaType));
    }
}
