package io.millrace.controlplane.pipeline.service;

import io.millrace.spec.validate.Diagnostic;

/**
 * One located problem of a spec as the API reports it, straight from pipeline-spec's {@link Diagnostic}.
 *
 * @param path RFC 6901 JSON pointer of the offending value ({@code /spec/nodes/2/expression})
 * @param line 1-based line in the text as sent
 * @param column 1-based column
 * @param code pipeline-spec's stable kind ({@code unknown-field}, {@code cycle}, ...)
 * @param severity {@code error} or {@code warning}
 */
public record SpecProblem(String path, int line, int column, String code, String severity, String message,
        String hint) {

    static SpecProblem of(Diagnostic d) {
        return new SpecProblem(d.pointer(), d.line(), d.column(), d.code(),
                d.severity().name().toLowerCase(java.util.Locale.ROOT), d.message(), d.hint());
    }
}
