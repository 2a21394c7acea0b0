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
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
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
        byte[] big = new byte[9 * 1024 * 1024];
        Arrays.fill(big, (byte) ' ');
        big[0] = '{';
        big[big.length - 1] = '}';
        // Expect: 100-continue lets the server refuse before the body is sent, as a well-behaved client would.
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/tokens"))
                .header("Authorization", "Bearer " + alice).header("Content-Type", "application/json")
                .expectContinue(true).POST(HttpRequest.BodyPublishers.ofByteArray(big)).build();
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(PROBLEM);
        assertThat(response.body()).contains("https://millrace.dev/problems/payload-too-large")
                .contains("quarkus.http.limits.max-body-size");
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
