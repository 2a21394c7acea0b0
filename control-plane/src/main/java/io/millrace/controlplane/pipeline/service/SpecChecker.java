package io.millrace.controlplane.pipeline.service;

import io.millrace.controlplane.api.ApiProblem;
import io.millrace.controlplane.api.FieldError;
import io.millrace.spec.compile.CompilationResult;
import io.millrace.spec.compile.SpecCompiler;
import io.millrace.spec.parse.Format;
import io.millrace.spec.validate.Diagnostic;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * Validates spec texts with pipeline-spec (one compiler per process, as its README asks) and turns an invalid one into
 * the 400 problem every write answers with: the same located errors {@code :validate} returns, nothing written.
 */
@ApplicationScoped
public class SpecChecker {

    /** Specs are documents people write; a megabyte is far beyond any real one and bounds the compile cost. */
    static final int MAX_SPEC_CHARS = 1_000_000;

    private final SpecCompiler compiler = SpecCompiler.standard();

    /** The text's format: the declared one, else JSON when it starts with '{', else YAML. */
    public static Format formatOf(String text, Format declared) {
        if (declared != null) {
            return declared;
        }
        return text != null && text.stripLeading().startsWith("{") ? Format.JSON : Format.YAML;
    }

    /** Every problem of the text; never throws for bad input (an empty or oversized text is one error). */
    public CheckedSpec check(String text, Format declared) {
        Format format = formatOf(text, declared);
        if (text == null || text.isBlank()) {
            return rejected(text, format, "empty-value", "the spec is empty", "send a pipeline spec (YAML or JSON) as the body");
        }
        if (text.length() > MAX_SPEC_CHARS) {
            return rejected(text, format, "too-large", "the spec has " + text.length() + " characters, more than the "
                    + MAX_SPEC_CHARS + " allowed", "split the pipeline or remove unused parts");
        }
        CompilationResult result = compiler.compile(text, format);
        List<Diagnostic> diagnostics = result.validation().diagnostics();
        List<SpecProblem> errors = diagnostics.stream().filter(Diagnostic::isError).map(SpecProblem::of).toList();
        List<SpecProblem> warnings = diagnostics.stream().filter(d -> !d.isError()).map(SpecProblem::of).toList();
        if (errors.isEmpty() && (result.validation().pipeline().isEmpty() || result.plan().isEmpty())) {
            errors = List.of(new SpecProblem("", 1, 1, "internal", "error", "no plan could be built from the spec",
                    "report this spec to the Millrace team"));
        }
        return new CheckedSpec(text, format, errors, warnings, result.validation().pipeline(), result.plan());
    }

    /** The checked spec when it is valid; otherwise a 400 problem listing every located error. */
    public CheckedSpec requireValid(String text, Format declared) {
        CheckedSpec checked = check(text, declared);
        if (!checked.valid()) {
            throw invalid(checked);
        }
        return checked;
    }

    static ApiProblem invalid(CheckedSpec checked) {
        List<FieldError> errors = checked.errors().stream()
                .map(e -> new FieldError(fieldOf(e.path()), e.path(), e.line(), e.column(),
                        e.message() + (e.hint() == null || e.hint().isBlank() ? "" : " (" + e.hint() + ")")))
                .toList();
        SpecProblem first = checked.errors().get(0);
        return new ApiProblem(400, "invalid-spec", "Invalid pipeline spec", "the spec has " + errors.size()
                + (errors.size() == 1 ? " error" : " errors") + "; the first, at line " + first.line() + ", column "
                + first.column() + ": " + first.message(), errors);
    }

    /** {@code /spec/nodes/2/expression} → {@code spec.nodes[2].expression}. */
    static String fieldOf(String pointer) {
        if (pointer == null || pointer.isEmpty()) {
            return null;
        }
        StringBuilder field = new StringBuilder();
        for (String part : pointer.substring(1).split("/", -1)) {
            String token = part.replace("~1", "/").replace("~0", "~");
            if (!token.isEmpty() && token.chars().allMatch(Character::isDigit)) {
                field.append('[').append(token).append(']');
            } else {
                field.append(field.length() == 0 ? "" : ".").append(token);
            }
        }
        return field.toString();
    }

    private static CheckedSpec rejected(String text, Format format, String code, String message, String hint) {
        return new CheckedSpec(text == null ? "" : text, format,
                List.of(new SpecProblem("", 1, 1, code, "error", message, hint)), List.of(),
                Optional.empty(), Optional.empty());
    }
}
