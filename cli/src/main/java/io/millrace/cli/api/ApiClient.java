package io.millrace.cli.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.millrace.cli.config.Connection;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Calls {@code /api/v1} of one control plane with one credential. Paths are appended verbatim (the API's
 * {@code /pipelines:validate} keeps its colon); callers escape variable segments with {@link PathSegment}.
 * An error status becomes an {@link ApiException}; no answer at all an {@link ApiUnreachableException}.
 */
public final class ApiClient {

    /** Selects the tenant for a user who belongs to several (the API's header). */
    public static final String TENANT_HEADER = "Millrace-Tenant";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Longer than the API's default operation wait (60 s) so a slow stop-with-savepoint answers, not times out. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(90);

    private final HttpClient http;
    private final Connection connection;
    private final String tenant;
    private final ObjectMapper json;
    private final String userAgent;

    public ApiClient(HttpClient http, Connection connection, String tenant, ObjectMapper json, String userAgent) {
        this.http = http;
        this.connection = connection;
        this.tenant = tenant;
        this.json = json;
        this.userAgent = userAgent;
    }

    public static HttpClient newHttpClient() {
        return HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    public String baseUrl() {
        return connection.baseUrl();
    }

    public ApiResponse get(String path) {
        return send(request(path).GET(), path);
    }

    public ApiResponse delete(String path) {
        return send(request(path).DELETE(), path);
    }

    /** POST with a JSON body; {@code body} null sends an empty one. */
    public ApiResponse postJson(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : write(body))), path);
    }

    /** POST of a text body (a spec) with its media type. */
    public ApiResponse postText(String path, String text, String contentType) {
        return send(request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)), path);
    }

    /** PUT of a text body (a spec) with its media type and extra headers (If-Match). */
    public ApiResponse putText(String path, String text, String contentType, Map<String, String> headers) {
        HttpRequest.Builder request = request(path).header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return send(request, path);
    }

    /** The body of a successful JSON answer as a tree. */
    public JsonNode tree(ApiResponse response) {
        try {
            return response.body().isBlank() ? json.nullNode() : json.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new ApiUnreachableException(connection.baseUrl() + " answered " + response.status()
                    + " with a body that is not JSON; is the URL a Millrace control plane?", e);
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(connection.baseUrl() + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + connection.token())
                .header("Accept", "application/json, " + PROBLEM_JSON + ", text/plain;q=0.5")
                .header("User-Agent", userAgent);
        if (tenant != null && !tenant.isBlank()) {
            request.header(TENANT_HEADER, tenant.trim());
        }
        return request;
    }

    private ApiResponse send(HttpRequest.Builder request, String path) {
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw new ApiUnreachableException("cannot connect to " + connection.baseUrl() + " ("
                    + describe(e) + "); check the URL (millrace login --url) and that the control plane runs", e);
        } catch (HttpTimeoutException e) {
            throw new ApiUnreachableException("no answer from " + connection.baseUrl() + path + " within "
                    + REQUEST_TIMEOUT.toSeconds() + " s; the operation may still complete, check its state", e);
        } catch (IOException e) {
            throw new ApiUnreachableException("request to " + connection.baseUrl() + path + " failed: "
                    + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiUnreachableException("interrupted while waiting for " + connection.baseUrl() + path, e);
        }
        Optional<String> contentType = response.headers().firstValue("Content-Type");
        if (response.statusCode() >= 400) {
            throw failure(response.statusCode(), response.body(), contentType.orElse(""));
        }
        return new ApiResponse(response.statusCode(), response.body(), response.headers().firstValue("ETag"),
                contentType);
    }

    private ApiException failure(int status, String body, String contentType) {
        if (contentType.startsWith(PROBLEM_JSON) || contentType.startsWith("application/json")) {
            try {
                JsonNode tree = json.readTree(body);
                Problem problem = json.treeToValue(tree, Problem.class);
                if (problem.title() != null || problem.detail() != null) {
                    return new ApiException(problem, tree);
                }
            } catch (JsonProcessingException e) {
                // not a problem after all: described below from the status
            }
        }
        String excerpt = body == null ? "" : body.strip();
        if (excerpt.length() > 200) {
            excerpt = excerpt.substring(0, 200) + "...";
        }
        Problem problem = Problem.synthetic(status, reason(status),
                "HTTP " + status + (excerpt.isEmpty() ? "" : ": " + excerpt));
        return new ApiException(problem, json.valueToTree(problem));
    }

    private static String reason(int status) {
        return switch (status) {
            case 401 -> "Not authenticated";
            case 403 -> "Not allowed";
            case 404 -> "Not found";
            case 409 -> "Conflict";
            case 412 -> "Precondition failed";
            case 429 -> "Too many requests";
            default -> status >= 500 ? "Server error" : "Request failed";
        };
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write request body as JSON", e);
        }
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
