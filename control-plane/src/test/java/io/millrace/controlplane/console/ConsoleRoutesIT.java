package io.millrace.controlplane.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The console's deep links get its {@code index.html} from the real control plane; the API, Quarkus' endpoints and
 * missing files keep their own answers. Same profile as {@link ConsoleBrowserIT}, so both share one application start.
 */
@QuarkusTest
@TestProfile(ConsoleTestProfile.class)
class ConsoleRoutesIT {

    /** The console's root element: what {@code index.html} (and only it) contains. */
    private static final String APP_ROOT = "<div id=\"root\">";

    @BeforeAll
    static void theConsoleIsOnTheClassPath() {
        assertThat(ConsoleRoutesIT.class.getClassLoader().getResource("META-INF/resources/index.html"))
                .as("the web console's index.html is not on the class path: build web-console in the same reactor"
                        + " (mvn -pl web-console,control-plane verify), its installed jar may be a stub")
                .isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/builder", "/pipelines", "/pipelines/word-count/versions/2", "/jobs/6f1c2a",
            "/admin/tokens", "/auth/callback?code=abc&state=xyz"})
    void deepLinksServeTheConsole(String path) {
        given().urlEncodingEnabled(false).accept("text/html").get(path).then().statusCode(200)
                .contentType(startsWith("text/html")).body(containsString(APP_ROOT));
    }

    @Test
    void theRootStillServesTheConsole() {
        given().get("/").then().statusCode(200).body(containsString(APP_ROOT));
    }

    @Test
    void anUnknownApiPathIsStillAProblemNotThePage() {
        given().accept("text/html").get("/api/v1/no-such-resource").then().statusCode(404)
                .contentType(startsWith("application/problem+json")).body(not(containsString(APP_ROOT)));
    }

    @Test
    void theApiStillAnswersItself() {
        given().get("/api/v1/auth/config").then().statusCode(200).contentType(startsWith("application/json"));
        given().get("/api/v1/pipelines").then().statusCode(401);
    }

    @Test
    void quarkusEndpointsAndMissingFilesAreNotShadowed() {
        given().get("/q/health/ready").then().statusCode(200).body(not(containsString(APP_ROOT)));
        given().accept("text/html").get("/q/no-such-endpoint").then().statusCode(404)
                .body(not(containsString(APP_ROOT)));
        given().accept("text/html").get("/assets/no-such-bundle.js").then().statusCode(404)
                .body(not(containsString(APP_ROOT)));
        given().accept("text/html").get("/favicon-missing.ico").then().statusCode(404);
    }

    @Test
    void onlyReadsAreRerouted() {
        given().contentType("application/json").body("{}").post("/builder").then()
                .statusCode(org.hamcrest.Matchers.not(200)).body(not(containsString(APP_ROOT)));
    }
}
