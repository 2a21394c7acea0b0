package io.millrace.cli.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.millrace.cli.FakeApi;
import io.millrace.cli.config.Connection;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApiClientTest {

    private final ObjectMapper json = new ObjectMapper();
    private FakeApi api;

    @BeforeEach
    void start() throws IOException {
        api = new FakeApi();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private ApiClient client(String tenant) {
        return new ApiClient(ApiClient.newHttpClient(), new Connection(api.url() + "/", "mr_token"), tenant, json,
                "millrace-cli/test");
    }

    @Test
    void sendsTheBearerTokenTenantHeaderAndColonPathsAsTheyAre() {
        api.answer("POST /api/v1/pipelines:validate", 200, "application/json", "{\"valid\":true}");

        ApiResponse response = client("globex").postText("/api/v1/pipelines:validate", "a: 1", "application/yaml");

        assertThat(client("globex").tree(response).path("valid").asBoolean()).isTrue();
        FakeApi.Request sent = api.last();
        assertThat(sent.uri()).isEqualTo("/api/v1/pipelines:validate");
        assertThat(sent.header("Authorization")).isEqualTo("Bearer mr_token");
        assertThat(sent.header("Millrace-Tenant")).isEqualTo("globex");
        assertThat(sent.header("Content-Type")).isEqualTo("application/yaml");
        assertThat(sent.body()).isEqualTo("a: 1");
    }

    @Test
    void withoutATenantNoTenantHeaderIsSent() {
        api.answer("GET /api/v1/jobs", 200, "application/json", "[]");
        client(null).get("/api/v1/jobs");
        assertThat(api.last().header("Millrace-Tenant")).isNull();
    }

    @Test
    void putCarriesIfMatchAndReturnsTheETag() {
        api.answer("PUT /api/v1/pipelines/wc", 200, "application/json", "{\"name\":\"wc\"}");
        ApiResponse response = client(null).putText("/api/v1/pipelines/wc", "x", "application/yaml",
                Map.of("If-Match", "\"e1\""));
        assertThat(api.last().header("If-Match")).isEqualTo("\"e1\"");
        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void anErrorStatusBecomesTheProblemItCarries() {
        api.answer("GET /api/v1/jobs/x", 404, "application/problem+json", """
                {"type":"https://millrace.dev/problems/not-found","title":"Not found","status":404,
                 "detail":"'x' is not a job id (job ids are UUIDs)","errors":[{"field":"id","message":"uuid"}],
                 "futureField":true}""");

        assertThatThrownBy(() -> client(null).get("/api/v1/jobs/x")).isInstanceOfSatisfying(ApiException.class,
                e -> {
                    assertThat(e.problem().title()).isEqualTo("Not found");
                    assertThat(e.problem().detail()).contains("is not a job id");
                    assertThat(e.problem().errors()).containsExactly(new FieldError("id", null, null, null, "uuid"));
                    assertThat(e.body().path("futureField").asBoolean()).as("raw problem kept").isTrue();
                });
    }

    @Test
    void anErrorThatIsNotAProblemIsDescribedFromItsStatus() {
        api.answer("GET /api/v1/jobs", 502, "text/html", "<html>Bad gateway</html>");

        assertThatThrownBy(() -> client(null).get("/api/v1/jobs")).isInstanceOfSatisfying(ApiException.class,
                e -> {
                    assertThat(e.problem().status()).isEqualTo(502);
                    assertThat(e.problem().title()).isEqualTo("Server error");
                    assertThat(e.problem().detail()).isEqualTo("HTTP 502: <html>Bad gateway</html>");
                    assertThat(e.body().path("status").asInt()).isEqualTo(502);
                });
    }

    @Test
    void aClosedPortIsUnreachableWithTheUrlInTheMessage() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        ApiClient client = new ApiClient(ApiClient.newHttpClient(),
                new Connection("http://127.0.0.1:" + port, "mr_token"), null, json, "t");
        assertThatThrownBy(() -> client.get("/api/v1/jobs")).isInstanceOf(ApiUnreachableException.class)
                .hasMessageContaining("cannot connect to http://127.0.0.1:" + port)
                .hasMessageNotContaining("mr_token");
    }

    @Test
    void pathSegmentsAreEscaped() {
        assertThat(PathSegment.of("a b/c?d")).isEqualTo("a%20b%2Fc%3Fd");
        assertThat(PathSegment.of("word-count_2")).isEqualTo("word-count_2");
    }
}
