package io.millrace.cli.output;

import io.millrace.cli.api.FieldError;
import io.millrace.cli.api.Problem;

/**
 * A problem for people: {@code error: <title>: <detail>}, then one indented line per field error. An error located
 * by line and column in a spec file reads {@code file:line:column: message}, the form editors and CI logs link to.
 */
public final class ProblemRenderer {

    private ProblemRenderer() {
    }

    /**
     * @param sourceFile the spec file the request carried, or null (then located errors read "line L, column C")
     */
    public static String render(Problem problem, String sourceFile) {
        StringBuilder out = new StringBuilder("error: ");
        String title = problem.title() == null ? "HTTP " + problem.status() : problem.title();
        out.append(title);
        if (problem.detail() != null && !problem.detail().isBlank()) {
            out.append(": ").append(problem.detail());
        }
        out.append('\n');
        for (FieldError error : problem.errors()) {
            out.append("  ").append(fieldError(error, sourceFile)).append('\n');
        }
        if (problem.requestId() != null && problem.status() >= 500) {
            out.append("  (request id ").append(problem.requestId()).append(": quote it when reporting this)\n");
        }
        return out.toString();
    }

    static String fieldError(FieldError error, String sourceFile) {
        String message = error.message() == null ? "invalid" : error.message();
        String where = error.field() != null ? error.field() : error.pointer();
        if (error.line() != null && error.column() != null) {
            String location = sourceFile != null
                    ? sourceFile + ":" + error.line() + ":" + error.column()
                    : "line " + error.line() + ", column " + error.column();
            return location + ": " + message + (where == null || where.isEmpty() ? "" : " [" + where + "]");
        }
        return (where == null || where.isEmpty() ? "" : where + ": ") + message;
    }
}
