package io.millrace.cli.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The API answered with an error status. Carries the parsed problem and the problem JSON as received, for
 * {@code --output json}.
 */
public class ApiException extends RuntimeException {

    private final Problem problem;
    private final JsonNode body;

    public ApiException(Problem problem, JsonNode body) {
        super(problem.status() + " " + problem.title() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
        this.body = body;
    }

    public Problem problem() {
        return problem;
    }

    /** The problem JSON exactly as the server sent it (or as synthesised). */
    public JsonNode body() {
        return body;
    }
}
