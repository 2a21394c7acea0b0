package io.millrace.controlplane.api;

import java.util.List;

/**
 * An error answer under {@code /api/v1}: throw it from a resource or service and {@link ApiProblemMapper} turns it into
 * {@code application/problem+json}. The type is {@code https://millrace.dev/problems/<slug>}; slugs are part of the
 * API contract, so never rename one.
 */
public class ApiProblem extends RuntimeException {

    public static final String TYPE_PREFIX = "https://millrace.dev/problems/";

    private final int status;
    private final String slug;
    private final String title;
    private final List<FieldError> errors;
    private final Long retryAfterSeconds;

    public ApiProblem(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, List.of(), null);
    }

    public ApiProblem(int status, String slug, String title, String detail, List<FieldError> errors) {
        this(status, slug, title, detail, errors, null);
    }

    private ApiProblem(int status, String slug, String title, String detail, List<FieldError> errors,
            Long retryAfterSeconds) {
        // No stack trace: a problem is an answer, not a bug; the mapper never logs it as one.
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static ApiProblem badRequest(String detail, List<FieldError> errors) {
        return new ApiProblem(400, "invalid-request", "Invalid request", detail, errors);
    }

    public static ApiProblem badRequest(String detail) {
        return badRequest(detail, List.of());
    }

    public static ApiProblem unauthorized(String detail) {
        return new ApiProblem(401, "unauthorized", "Not authenticated", detail);
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(403, "forbidden", "Not allowed", detail);
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(404, "not-found", "Not found", detail);
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(409, "conflict", "Conflict", detail);
    }

    public static ApiProblem tooManyRequests(String detail, long retryAfterSeconds) {
        return new ApiProblem(429, "rate-limited", "Too many requests", detail, List.of(), retryAfterSeconds);
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String type() {
        return TYPE_PREFIX + slug;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** Seconds for a {@code Retry-After} header, or null. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public ProblemDetails toDetails(String instance, String requestId) {
        return new ProblemDetails(type(), title, status, detail(), instance, requestId,
                errors.isEmpty() ? null : errors);
    }
}
