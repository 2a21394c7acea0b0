package io.millrace.controlplane.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import io.millrace.localstack.KeycloakTokens;
import io.millrace.localstack.SharedServers;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The web console in a real browser (the machine's Chromium, headless) against this control plane with real
 * PostgreSQL, Keycloak and Kafka: the builder is used as a user uses it — drag and drop from the palette, wire ports,
 * fill generated forms — and the server's validation shows on the node and on the YAML line. Also measured (logged,
 * not asserted): the builder's load time and the interaction time on a 200-node pipeline.
 *
 * <p>Until the console has its own sign-in (issue 8 part 2), API calls of the page carry alice's real Keycloak token,
 * added to each {@code /api/} request of the page ({@link #signedInAsAlice}); the server checks it as usual.
 *
 * <p>Screenshots: {@code control-plane/target/console-screenshots/}.
 */
@QuarkusTest
@TestProfile(ConsoleTestProfile.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT {

    private static final Logger LOG = Logger.getLogger(ConsoleBrowserIT.class);
    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots").toAbsolutePath();

    @TestHTTPResource("/")
    URL root;

    private HeadlessChromium chromium;
    private String aliceToken;
    private Page page;
    private BuilderScreen builder;

    @BeforeAll
    void launch() {
        chromium = HeadlessChromium.launch(SCREENSHOTS);
        aliceToken = KeycloakTokens.passwordGrant(SharedServers.keycloak(), "millrace-cli", "alice",
                "alice-dev-password");
        page = chromium.newPage();
        signedInAsAlice(page);
        builder = new BuilderScreen(page);
    }

    @AfterAll
    void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    /** Adds alice's bearer token to the page's API calls (stand-in for the console's sign-in, see class comment). */
    private void signedInAsAlice(Page target) {
        target.route(Pattern.compile(".*/api/v1/.*"), route -> {
            Map<String, String> headers = new HashMap<>(route.request().headers());
            headers.put("authorization", "Bearer " + aliceToken);
            route.resume(new Route.ResumeOptions().setHeaders(headers));
        });
    }

    private String url(String path) {
        return root.toString().replaceAll("/$", "") + path;
    }

    @Test
    @Order(1)
    void theBuilderLoadsFromADeepLinkAndItsLoadTimeIsMeasured() {
        page.navigate(url("/builder"));
        // Polled every animation frame: the page's own clock (0 = navigation start) when the palette first shows.
        double paletteVisibleAt = ((Number) page.waitForFunction("() => { const b = document.querySelector("
                + "'nav[aria-label=\"Node palette\"] button'); return b && b.offsetParent !== null"
                + " ? performance.now() : null; }").jsonValue()).doubleValue();
        LOG.infof("console e2e: builder load time (navigation start -> palette visible) %.0f ms", paletteVisibleAt);
        assertThat(builder.paletteEntry("kafka-source")).isVisible();
        assertThat(page).hasURL(Pattern.compile(".*/builder$"));
        // The word-count template opens first: the canvas draws its nodes.
        assertThat(builder.node("lines")).isVisible();
    }

    @Test
    @Order(2)
    void wordCountIsBuiltByDragAndDropOnly() throws Exception {
        builder.toolbarButton("New").click();
        assertThat(builder.nodes()).hasCount(0);

        addNode("kafka-source", 60, 60, "lines");
        builder.setText("lines", "topic", "acme.input-text");
        builder.choose("lines", "format", "text");
        builder.choose("lines", "startFrom", "earliest");

        addNode("flat-map", 330, 60, "words");
        builder.setText("words", "expression", "value.split(' ')");

        addNode("window-aggregate", 60, 300, "counts");
        builder.setText("counts", "keyBy", "value.lowerAscii()");
        Locator window = builder.group("counts", "window");
        window.getByLabel("type", new Locator.GetByLabelOptions().setExact(true)).selectOption("tumbling");
        Locator size = window.getByLabel("size", new Locator.GetByLabelOptions().setExact(true));
        size.fill("10s");
        size.blur();
        builder.group("counts", "aggregates").getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Add aggregates")).click();
        Locator aggregate = builder.group("counts", "aggregates 1");
        Locator name = aggregate.getByLabel("name", new Locator.GetByLabelOptions().setExact(true));
        name.fill("count");
        name.blur();
        aggregate.getByLabel("fn", new Locator.GetByLabelOptions().setExact(true)).selectOption("count");

        addNode("filter", 330, 300, "frequent");
        builder.setText("frequent", "expression", "value.count > 5");

        addNode("kafka-sink", 600, 300, "out");
        builder.setText("out", "topic", "acme.word-count-output");
        builder.choose("out", "format", "json");

        builder.wire("lines", "words");
        builder.wire("words", "counts");
        builder.wire("counts", "frequent");
        builder.wire("frequent", "out");
        assertThat(page.getByLabel("frequent to out", new Page.GetByLabelOptions().setExact(true))).hasCount(1);

        JsonNode built = yamlOf(builder.page());
        assertThat(built.at("/spec/nodes")).isEqualTo(expectedWordCountNodes());
        assertThat(built.at("/metadata/layout").size()).as("every dropped node keeps its place").isEqualTo(5);
        assertThat(builder.validationStatus()).hasText("Valid");
        chromium.screenshot(page, "builder-word-count");
    }

    @Test
    @Order(3)
    void aValidationErrorShowsOnTheNodeAndItsYamlLineAndGoesAwayWhenFixed() {
        builder.select("frequent");
        builder.setText("frequent", "expression", "value.count >");

        assertThat(builder.validationStatus()).hasText(Pattern.compile("^1 problem"));
        assertThat(builder.node("frequent").locator(".node-errors")).containsText("1 error");
        Locator serverErrors = builder.form("frequent").getByRole(AriaRole.ALERT,
                new Locator.GetByRoleOptions().setName("Validation errors from the server"));
        assertThat(serverErrors).containsText("Line ");
        int line = Integer.parseInt(serverErrors.innerText().replaceAll("(?s)^.*?Line (\\d+):.*$", "$1"));
        // The marked line in the editor is the one the server names, and it is the broken expression's line.
        assertThat(builder.yamlLineWithError()).hasCount(1);
        assertThat(builder.yamlLineWithError()).containsText("value.count >");
        assertThat(builder.yaml().locator(".cm-line").nth(line - 1)).containsText("value.count >");
        chromium.screenshot(page, "builder-validation-error");

        builder.setText("frequent", "expression", "value.count > 5");
        assertThat(builder.validationStatus()).hasText("Valid");
        assertThat(builder.node("frequent").locator(".node-errors")).hasCount(0);
        assertThat(builder.yamlLineWithError()).hasCount(0);
    }

    @Test
    @Order(10)
    void aTwoHundredNodePipelineStaysResponsiveMeasured() {
        Page large = chromium.newPage();
        signedInAsAlice(large);
        BuilderScreen screen = new BuilderScreen(large);
        large.navigate(url("/builder"));
        screen.paletteEntry("map").waitFor();
        large.getByLabel("Import a spec file").setInputFiles(new FilePayload("two-hundred-nodes.yaml",
                "application/yaml", LargePipeline.yaml().getBytes(StandardCharsets.UTF_8)));
        // Laid out by ELK, then drawn (only the visible part: the canvas culls above 100 nodes).
        screen.node("shape-0").waitFor();
        InteractionTimer timer = new InteractionTimer(large);
        assertThat(timer.doc()).contains("id: out-39");

        double select = timer.untilPresent("pointerdown", "form[aria-label=\"Settings of node shape-0\"]",
                () -> screen.node("shape-0").click());
        double move = timer.untilDocChanges("pointerup", () -> {
            var box = screen.node("shape-0").boundingBox();
            large.mouse().move(box.x + box.width / 2, box.y + box.height / 2);
            large.mouse().down();
            large.mouse().move(box.x + box.width / 2 + 80, box.y + box.height / 2 + 50,
                    new com.microsoft.playwright.Mouse.MoveOptions().setSteps(8));
            large.mouse().up();
        });
        assertThat(timer.doc()).contains("shape-0:");
        double edit = timer.untilDocChanges("focusout", () -> screen.setText("shape-0", "expression",
                "{'user': value.user, 'amount': value.amount * 2}"));
        assertThat(timer.doc()).contains("value.amount * 2");
        LOG.infof("console e2e: %d-node pipeline interaction (event -> committed + painted): select %.0f ms,"
                + " move %.0f ms, edit a setting %.0f ms", LargePipeline.NODES, select, move, edit);
        chromium.screenshot(large, "builder-200-nodes");
        large.context().close();
    }

    /** Drops a palette entry, then renames the new node (it is selected, its form open) to {@code id}. */
    private void addNode(String type, double x, double y, String id) {
        builder.dropKind(type, x, y);
        Locator form = page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions()
                .setName(Pattern.compile("^Settings of node ")));
        assertThat(form).hasCount(1);
        String given = form.getAttribute("aria-label").substring("Settings of node ".length());
        assertThat(given).as("a new %s node gets an id from its kind", type).startsWith(type);
        builder.rename(given, id);
    }

    private static JsonNode yamlOf(Page page) throws Exception {
        String text = (String) page.evaluate("() => " + InteractionTimer.DOC);
        return new ObjectMapper(new YAMLFactory()).readTree(text);
    }

    private static JsonNode expectedWordCountNodes() throws Exception {
        return new ObjectMapper(new YAMLFactory()).readTree("""
                - {id: lines, type: kafka-source, topic: acme.input-text, format: text, startFrom: earliest}
                - {id: words, type: flat-map, inputs: [lines], expression: "value.split(' ')"}
                - {id: counts, type: window-aggregate, inputs: [words], keyBy: "value.lowerAscii()",
                   window: {type: tumbling, size: 10s}, aggregates: [{name: count, fn: count}]}
                - {id: frequent, type: filter, inputs: [counts], expression: "value.count > 5"}
                - {id: out, type: kafka-sink, inputs: [frequent], topic: acme.word-count-output, format: json}
                """);
    }
}
