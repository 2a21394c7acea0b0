package io.millrace.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.cli.api.FieldError;
import io.millrace.cli.api.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemRendererTest {

    @Test
    void titleAndDetailOnTheFirstLine() {
        Problem problem = new Problem("https://millrace.dev/problems/forbidden", "Not allowed", 403,
                "this needs the editor role in tenant acme; the API token has viewer", "/api/v1/pipelines/x", "r-1",
                null);
        assertThat(ProblemRenderer.render(problem, null)).isEqualTo(
                "error: Not allowed: this needs the editor role in tenant acme; the API token has viewer\n");
    }

    @Test
    void locatedErrorsPointIntoTheSpecFileLikeACompiler() {
        Problem problem = new Problem("https://millrace.dev/problems/invalid-spec", "Invalid pipeline spec", 400,
                "the spec has 2 errors", null, null, List.of(
                        new FieldError("spec.parallelizm", "/spec/parallelizm", 5, 3, "unknown setting 'parallelizm'"),
                        new FieldError(null, "", 1, 1, "the spec is empty")));
        assertThat(ProblemRenderer.render(problem, "pipelines/wc.yaml")).isEqualTo("""
                error: Invalid pipeline spec: the spec has 2 errors
                  pipelines/wc.yaml:5:3: unknown setting 'parallelizm' [spec.parallelizm]
                  pipelines/wc.yaml:1:1: the spec is empty
                """);
        assertThat(ProblemRenderer.render(problem, null))
                .contains("  line 5, column 3: unknown setting 'parallelizm' [spec.parallelizm]\n");
    }

    @Test
    void fieldErrorsWithoutALocationNameTheField() {
        Problem problem = new Problem("t", "Invalid request", 400, "the token request is not valid; see errors", null,
                null, List.of(new FieldError("scopes[0]", "/scopes/0", null, null, "unknown scope 'rw'"),
                        new FieldError(null, null, null, null, null)));
        assertThat(ProblemRenderer.render(problem, "spec.yaml")).isEqualTo("""
                error: Invalid request: the token request is not valid; see errors
                  scopes[0]: unknown scope 'rw'
                  invalid
                """);
    }

    @Test
    void serverErrorsCarryTheRequestIdToReport() {
        Problem problem = new Problem("t", "Internal error", 500, "unexpected", null, "req-42", List.of());
        assertThat(ProblemRenderer.render(problem, null))
                .endsWith("  (request id req-42: quote it when reporting this)\n");
        Problem notFound = new Problem("t", "Not found", 404, "no job", null, "req-43", List.of());
        assertThat(ProblemRenderer.render(notFound, null)).doesNotContain("req-43");
    }

    @Test
    void aProblemWithoutTitleOrDetailStillSaysWhatHappened() {
        assertThat(ProblemRenderer.render(new Problem(null, null, 502, null, null, null, null), null))
                .isEqualTo("error: HTTP 502\n");
    }
}
