package io.millrace.controlplane.api;

import static io.millrace.controlplane.security.TestUsers.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.millrace.controlplane.security.TestUsers;
import io.millrace.localstack.quarkus.KeycloakResource;
import io.millrace.localstack.quarkus.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URL;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every error under /api/v1 is application/problem+json with a stable type, whatever produced it. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KeycloakResource.class)
class ProblemDetailsIT {

    private static final String PROBLEM = "application/problem+json";
    @TestHTTPResource
    URL base;
    private int port;
    private String alice;

    @BeforeEach
    void tokens() {
        alice = TestUsers.token("alice");
        port = base.getPort();
    }

    @Test
    void malformedJsonSaysLineAndColumn() {
        as(alice).contentType("application/json").body("{\n  \"name\": \"x\",\n  \"scopes\": [\"read\"\n}")
                .post("/api/v1/tokens").then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://millrace.dev/problems/malformed-body"))
                .body("status", equalTo(400))
                .body("detail", containsString("line 4"))
                .body("errors[0].line", equalTo(4))
                .body("errors[0].column", notNullValue());
    }

    @Test
    void unknownFieldIsNamed() {
        as(alice).contentType("application/json").body("{\"name\": \"x\", \"scopes\": [\"read\"], \"scope\": 1}")
                .post("/api/v1/tokens").then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://millrace.dev/problems/malformed-body"))
                .body("errors[0].field", equalTo("scope"))
                .body("errors[0].message", containsString("unknown field 'scope'"));
    }

    @Test
    void wrongTypeNamesTheField() {
        as(alice).contentType("application/json").body("{\"name\": \"x\", \"scopes\": [\"read\"], \"ttlDays\": \"soon\"}")
                .post("/api/v1/tokens").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("ttlDays"));
    }

    @Test
    void invalidValuesListEveryField() {
        as(alice).contentType("application/json").body("{\"name\": \"\", \"scopes\": [\"read\", \"root\"], \"ttlDays\": 0}")
                .post("/api/v1/tokens").then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://millrace.dev/problems/invalid-request"))
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("scopes[1]"))
                .body("errors.pointer", hasItem("/scopes/1"))
                .body("errors.field", hasItem("ttlDays"));
    }

    @Test
    void oversizedBodyIs413() throws Exception {
        // Only the headers go out: the server must refuse on the declared length without reading (or waiting for)
        // 9 MiB. A raw socket, because HTTP clients insist on sending the body they announced.
        long declared = 9L * 1024 * 1024;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            String head = "POST /api/v1/tokens HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + alice
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + declared + "\r\n\r\n{";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String response = readResponse(socket.getInputStream());
            assertThat(response).startsWith("HTTP/1.1 413");
            assertThat(response.toLowerCase(java.util.Locale.ROOT)).contains("content-type: " + PROBLEM);
            assertThat(response).contains("https://millrace.dev/problems/payload-too-large")
                    .contains("quarkus.http.limits.max-body-size");
        }
    }

    /** Reads one HTTP/1.1 response (headers, then Content-Length bytes): the server may keep the socket open. */
    private static String readResponse(java.io.InputStream in) throws java.io.IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        int headerEnd = -1;
        while (headerEnd < 0) {
            int next = in.read();
            if (next < 0) {
                return bytes.toString(StandardCharsets.UTF_8);
            }
            bytes.write(next);
            headerEnd = bytes.toString(StandardCharsets.ISO_8859_1).indexOf("\r\n\r\n");
        }
        String head = bytes.toString(StandardCharsets.ISO_8859_1);
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length:\\s*(\\d+)").matcher(head);
        int bodyLength = length.find() ? Integer.parseInt(length.group(1)) : 0;
        return head + new String(in.readNBytes(bodyLength), StandardCharsets.UTF_8);
    }

    @Test
    void wrongContentTypeIs415() {
        as(alice).contentType("text/plain").body("name=x").post("/api/v1/tokens").then().statusCode(415)
                .contentType(PROBLEM)
                .body("type", equalTo("https://millrace.dev/problems/unsupported-media-type"));
    }

    @Test
    void unknownPathAndMethod() {
        as(alice).get("/api/v1/no-such-thing").then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("https://millrace.dev/problems/not-found"))
                .body("detail", containsString("/api/v1/no-such-thing"));
        as(alice).put("/api/v1/tokens").then().statusCode(405).contentType(PROBLEM)
                .body("type", equalTo("https://millrace.dev/problems/method-not-allowed"));
    }

    @Test
    void authenticationFailuresAre401Problems() {
        given().get("/api/v1/tenants").then().statusCode(401).contentType(PROBLEM)
                .body("type", equalTo("https://millrace.dev/problems/unauthorized"));
        given().auth().oauth2("not-a-jwt").get("/api/v1/tenants").then().statusCode(401).contentType(PROBLEM)
                .body("type", equalTo("https://millrace.dev/problems/unauthorized"));
        given().auth().oauth2("mr_doesnotexist").get("/api/v1/tenants").then().statusCode(401)
                .contentType(PROBLEM).body("detail", containsString("unknown API token"));
    }

    @Test
    void authConfigIsPublic() {
        given().get("/api/v1/auth/config").then().statusCode(200)
                .body("issuer", containsString("/realms/millrace"))
                .body("clientId", equalTo("millrace-console"));
    }
}
