package io.millrace.controlplane.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitForSelectorState;
import com.microsoft.playwright.options.FilePayload;
import io.millrace.controlplane.cluster.WorkerFleet;
import io.millrace.controlplane.cluster.WorkerProcess;
import io.millrace.controlplane.worker.grpc.WorkerSessions;
import io.millrace.localstack.SharedServers;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The web console in a real browser (the machine's Chromium, headless) against this control plane with real
 * PostgreSQL, Keycloak and Kafka: the builder is used as a user uses it — drag and drop from the palette, wire ports,
 * fill generated forms — and the server's validation shows on the node and on the YAML line. Also measured (logged,
 * not asserted): the builder's load time and the interaction time on a 200-node pipeline. Then, with ONE real worker
 * process (the worker jar, {@link WorkerFleet}): the live preview of a datagen-based word-count shows node outputs; it
 * is saved, deployed from its pipeline page, the job view shows it RUNNING with records flowing, a viewer (bob) sees
 * it without any deploy/stop button, alice stops it with a savepoint; an API token is created (it works once, outside
 * the browser) and revoked (then refused); signing out ends the Keycloak session too.
 *
 * <p>Users sign in as they do in production: the console's {@code Sign in} button, Keycloak's login page, the code
 * flow with PKCE back to the console ({@link SignInFlow}). The test's origin (random port) is registered on the
 * Keycloak client first ({@link ConsoleClientRegistration}).
 *
 * <p>Screenshots: {@code control-plane/target/console-screenshots/} — the named ones show the builder (word-count,
 * validation error, 200 nodes, preview), the job view (running, as viewer, stopped with savepoint) and the admin
 * page; {@code after-<scenario>.png} is the main page when each scenario ended.
 */
@QuarkusTest
@TestProfile(ConsoleTestProfile.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT {

    private static final Logger LOG = Logger.getLogger(ConsoleBrowserIT.class);
    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots").toAbsolutePath();

    /** A rate the job view shows once records flow: "0.0/s" and "—" (no metrics yet) do not match. */
    private static final Pattern NON_ZERO_RATE = Pattern.compile("^(?!0\\.0/s$)[0-9]+(\\.[0-9])?k?/s$");
    /** Upper bound for the job's start, first rates and stop on a loaded 2-core machine (conditions, not sleeps). */
    private static final double JOB_WAIT_MS = 120_000;
    private static final String EMPTY_WORD_COUNT = """
            apiVersion: millrace.io/v1
            kind: Pipeline
            metadata: {name: word-count}
            spec:
              nodes: []
            """;
    private static final Duration WORKER_UP = Duration.ofSeconds(120);
    /** How often each kind of interaction is timed on the 200-node pipeline. */
    private static final int REPEATS = 5;

    @TestHTTPResource("/")
    URL root;

    @Inject
    WorkerSessions sessions;

    private HeadlessChromium chromium;
    private Page page;
    private BuilderScreen builder;
    private WorkerFleet fleet;
    private String workerId;
    private String jobUrl;

    @BeforeAll
    void launch() throws Exception {
        new ConsoleClientRegistration(SharedServers.keycloak()).allow(origin());
        // ONE real worker (preview sandbox and the deployed job); it connects while the builder scenarios run.
        Path run = Files.createDirectories(Path.of("target", "console-e2e", "run-" + System.currentTimeMillis())
                .toAbsolutePath());
        fleet = new WorkerFleet("console-w", new WorkerProcess.Settings(root.getPort(), run.resolve("workers"),
                run.resolve("checkpoints"), run.resolve("logs"), 2, Map.of()));
        workerId = fleet.startWorker().id();
        chromium = HeadlessChromium.launch(SCREENSHOTS);
        page = chromium.newPage();
        builder = new BuilderScreen(page);
    }

    @AfterEach
    void keepTheLastScreen(TestInfo test) {
        // What the main page showed when the scenario ended (the evidence when one fails).
        test.getTestMethod().ifPresent(m -> chromium.screenshot(page, "after-" + m.getName()));
    }

    @AfterAll
    void close() {
        try {
            if (chromium != null) {
                chromium.close();
            }
        } finally {
            if (fleet != null) {
                fleet.close();
            }
        }
    }

    private void awaitWorkerConnected() {
        await().atMost(WORKER_UP).until(() -> sessions.openWorkers().contains(workerId));
    }

    private Locator mainNavigation(String link) {
        return page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(link).setExact(true));
    }

    /** The HTTP status of one API call made with {@code secret} as bearer token (outside the browser, as a CI does). */
    private int apiStatusWith(String secret) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url("/api/v1/pipelines")))
                .header("Authorization", "Bearer " + secret).timeout(Duration.ofSeconds(30)).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private String origin() {
        return root.getProtocol() + "://" + root.getHost() + ":" + root.getPort();
    }

    private String url(String path) {
        return origin() + path;
    }

    /** Notes, in every document of the page's context, the page's own clock when the palette first shows. */
    private static void notePaletteVisibleTime(Page target) {
        target.context().addInitScript("(() => { const tick = () => { const b = document.querySelector("
                + "'nav[aria-label=\"Node palette\"] button'); if (b && b.offsetParent !== null) {"
                + " window.__mrPaletteAt = performance.now(); } else { requestAnimationFrame(tick); } };"
                + " requestAnimationFrame(tick); })()");
    }

    @Test
    @Order(1)
    void aliceSignsInOnKeycloakFromADeepLinkAndLandsInTheBuilderWhoseLoadTimeIsMeasured() {
        notePaletteVisibleTime(page);
        new SignInFlow(page).signIn(url("/builder"), SignInFlow.ALICE);
        assertThat(page.getByLabel("Your role", new Page.GetByLabelOptions().setExact(true))).hasText("admin");
        // The page's own clock (0 = navigation start of the document Keycloak redirected back to).
        double paletteVisibleAt = ((Number) page.waitForFunction("() => window.__mrPaletteAt").jsonValue())
                .doubleValue();
        LOG.infof("console e2e: builder load time (Keycloak's redirect back: navigation start -> code exchanged,"
                + " palette visible) %.0f ms", paletteVisibleAt);
        assertThat(builder.paletteEntry("kafka-source")).isVisible();
        assertThat(page).hasURL(Pattern.compile(".*/builder$"));
        // The word-count template opens first: the canvas draws its nodes.
        assertThat(builder.node("lines")).isVisible();
    }

    @Test
    @Order(2)
    void wordCountIsBuiltByDragAndDropOnly() throws Exception {
        // Starts from an empty spec file whose metadata is a flow map, like the New template: the dropped nodes'
        // places go into `metadata.layout`, which turns the flow map into block style once it grows (still YAML).
        page.getByLabel("Import a spec file").setInputFiles(new FilePayload("word-count.yaml", "application/yaml",
                EMPTY_WORD_COUNT.getBytes(StandardCharsets.UTF_8)));
        assertThat(builder.yaml()).containsText("name: word-count");
        assertThat(builder.nodes()).hasCount(0);

        builder.zoomNear(1.0);
        addNode("kafka-source", 20, 20, "lines");
        builder.setText("lines", "topic", "acme.input-text");
        builder.choose("lines", "format", "text");
        builder.choose("lines", "startFrom", "earliest");

        addNode("flat-map", 290, 20, "words");
        builder.setText("words", "expression", "value.split(' ')");

        addNode("window-aggregate", 560, 20, "counts");
        builder.setText("counts", "keyBy", "value.lowerAscii()");
        Locator window = builder.group("counts", "window");
        window.getByRole(AriaRole.COMBOBOX, new Locator.GetByRoleOptions().setName("type").setExact(true))
                .selectOption("tumbling");
        Locator size = window.getByRole(AriaRole.TEXTBOX, new Locator.GetByRoleOptions().setName("size").setExact(true));
        size.fill("10s");
        size.blur();
        builder.group("counts", "aggregates").getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Add aggregates")).click();
        Locator aggregate = builder.group("counts", "aggregates 1");
        Locator name = aggregate.getByRole(AriaRole.TEXTBOX, new Locator.GetByRoleOptions().setName("name").setExact(true));
        name.fill("count");
        name.blur();
        aggregate.getByRole(AriaRole.COMBOBOX, new Locator.GetByRoleOptions().setName("fn").setExact(true))
                .selectOption("count");

        addNode("filter", 290, 240, "frequent");
        builder.setText("frequent", "expression", "value.count > 5");

        addNode("kafka-sink", 560, 240, "out");
        builder.setText("out", "topic", "acme.word-count-output");
        builder.choose("out", "format", "json");

        builder.wire("lines", "words");
        builder.wire("words", "counts");
        builder.wire("counts", "frequent");
        builder.wire("frequent", "out");
        assertThat(page.getByLabel("frequent to out", new Page.GetByLabelOptions().setExact(true))).hasCount(1);

        JsonNode built = yamlOf(builder);
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
    void aTwoHundredNodePipelineStaysResponsiveMeasured() throws Exception {
        builder.toolbarButton("New").click();
        page.getByLabel("Import a spec file").setInputFiles(new FilePayload("two-hundred-nodes.yaml",
                "application/yaml", LargePipeline.yaml().getBytes(StandardCharsets.UTF_8)));
        // Laid out by ELK, then drawn (only the visible part: the canvas culls above 100 nodes); the user fits the
        // whole graph into view with the canvas control.
        builder.node("in-0").waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Fit View")).click();
        builder.node("shape-0").waitFor();
        JsonNode imported = yamlOf(builder);
        assertThat(imported.at("/spec/nodes").size()).isEqualTo(LargePipeline.NODES);
        assertThat(imported.at("/metadata/layout").isMissingNode()).as("no places yet: laid out on screen only").isTrue();
        InteractionTimer timer = new InteractionTimer(page);

        // Each kind several times: a median says more than one sample on a machine shared with other work.
        // Chrome's counters say how much of each wall-clock time was the page's own work on its main thread.
        MainThreadCost cost = new MainThreadCost(page);
        InteractionSamples select = new InteractionSamples("select");
        for (int i = 0; i < REPEATS; i++) {
            String id = "shape-" + i;
            MainThreadCost.Snapshot before = cost.snapshot();
            double wall = timer.untilPresent("pointerdown", "form[aria-label=\"Settings of node " + id + "\"]",
                    () -> builder.node(id).click());
            select.add(wall, cost.since(before));
        }
        // The first move writes every node's place into metadata.layout (the imported spec has none), at the top of
        // the document: in view from the start. Later moves change the one line of shape-0's place.
        InteractionSamples move = new InteractionSamples("move");
        List<String> movePhases = new ArrayList<>();
        timer.scrollYamlTo("metadata");
        for (int i = 0; i < REPEATS; i++) {
            if (i > 0) {
                timer.scrollYamlTo("shape-0: {x:");
            }
            int direction = i % 2 == 0 ? 1 : -1; // back and forth, so the node stays on the canvas
            MainThreadCost.Snapshot[] beforeUp = new MainThreadCost.Snapshot[1];
            double wall = timer.untilShownYamlChanges("pointerup", () -> {
                var box = builder.node("shape-0").boundingBox();
                page.mouse().move(box.x + box.width / 2, box.y + box.height / 2);
                page.mouse().down();
                page.mouse().move(box.x + box.width / 2 + 80 * direction, box.y + box.height / 2 + 50 * direction,
                        new com.microsoft.playwright.Mouse.MoveOptions().setSteps(8));
                beforeUp[0] = cost.snapshot();
                page.mouse().up();
            });
            move.add(wall, cost.since(beforeUp[0]));
            movePhases.add(timer.builderPhases());
        }
        InteractionSamples edit = new InteractionSamples("edit a setting");
        for (int i = 0; i < REPEATS; i++) {
            String expression = "{'user': value.user, 'amount': value.amount * " + (i + 2) + "}";
            timer.scrollYamlTo("id: shape-0,");
            Locator field = builder.form("shape-0").getByRole(AriaRole.TEXTBOX,
                    new Locator.GetByRoleOptions().setName("expression").setExact(true));
            MainThreadCost.Snapshot[] beforeBlur = new MainThreadCost.Snapshot[1];
            double wall = timer.untilShownYamlChanges("focusout", () -> {
                field.fill(expression);
                beforeBlur[0] = cost.snapshot();
                field.blur(); // the field commits on blur: the edit
            });
            edit.add(wall, cost.since(beforeBlur[0]));
        }
        assertThat(builder.yaml()).containsText("value.amount * " + (REPEATS + 1));
        JsonNode after = yamlOf(builder);
        assertThat(after.at("/metadata/layout").size()).as("the first move wrote every place")
                .isEqualTo(LargePipeline.NODES);
        assertThat(after.at("/metadata/layout/shape-0").isObject()).as("the move is kept in metadata.layout").isTrue();
        assertThat(after.at("/spec/nodes/2/expression").asText()).endsWith("* " + (REPEATS + 1) + "}");
        LOG.infof("console e2e: %d-node pipeline interaction (event -> committed + painted; load average %.1f on %d"
                + " cores): %s; %s (the first writes all %d places: %.0f ms); %s", LargePipeline.NODES,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors(), select.summary(), move.summary(), LargePipeline.NODES,
                move.first(), edit.summary());
        LOG.infof("console e2e: %d-node pipeline, the builder's phases of the first move: %s; of the last: %s",
                LargePipeline.NODES, movePhases.get(0), movePhases.get(movePhases.size() - 1));
        chromium.screenshot(page, "builder-200-nodes");
    }

    @Test
    @Order(20)
    void thePreviewShowsEachNodesOutputOnGeneratedRecordsAndTheDraftIsSaved() {
        awaitWorkerConnected();
        builder.toolbarButton("New").click();
        page.getByLabel("Import a spec file").setInputFiles(new FilePayload("word-count-live.yaml",
                "application/yaml", DatagenWordCount.yaml().getBytes(StandardCharsets.UTF_8)));
        builder.node("words").waitFor();
        assertThat(builder.validationStatus()).hasText("Valid");

        Locator preview = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Live preview"));
        // datagen generates its own records: no samples needed.
        assertThat(preview.getByLabel("Samples for lines", new Locator.GetByLabelOptions().setExact(true))).isEmpty();
        preview.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Run preview").setExact(true)).click();
        assertThat(preview.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Preview ran in")))
                .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(90_000));

        builder.select("words");
        Locator words = preview.getByRole(AriaRole.TABLE, new Locator.GetByRoleOptions().setName("Output of words"));
        assertThat(words.locator("tbody tr").first()).isVisible();
        List<String> shown = words.locator("tbody td").allInnerTexts();
        assertThat(shown).isNotEmpty().allSatisfy(word -> assertThat(DatagenWordCount.WORDS).contains(word));
        chromium.screenshot(page, "builder-preview");

        builder.toolbarButton("Save").click();
        assertThat(page.getByText("Created " + DatagenWordCount.NAME + " v1.")).isVisible();
    }

    @Test
    @Order(30)
    void theWordCountDeploysOnOneWorkerAndItsJobViewShowsRunningWithRecordsFlowing() throws Exception {
        mainNavigation("Pipelines").click();
        page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Pipelines"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(DatagenWordCount.NAME).setExact(true))
                .click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Deploy…").setExact(true)).click();
        Locator dialog = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions()
                .setName("Deploy " + DatagenWordCount.NAME));
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Deploy").setExact(true)).click();

        assertThat(page).hasURL(Pattern.compile(".*/jobs/[0-9a-f-]+$"));
        jobUrl = page.url();
        assertThat(page.getByLabel("Job state RUNNING", new Page.GetByLabelOptions().setExact(true)))
                .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(JOB_WAIT_MS));
        assertThat(page.getByLabel("Job records in per second", new Page.GetByLabelOptions().setExact(true)))
                .hasText(NON_ZERO_RATE, new LocatorAssertions.HasTextOptions().setTimeout(JOB_WAIT_MS));
        Locator source = page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Job graph"))
                .getByRole(AriaRole.LISTITEM, new Locator.GetByRoleOptions().setName(Pattern.compile("^Chain lines")));
        assertThat(source.getByLabel(Pattern.compile("records in per second$"))).hasText(NON_ZERO_RATE);
        // What the job view polls, as the API answers it (the rates are read from these fields), logged before the
        // records-out checks so that a failing run shows what the workers reported.
        Response metrics = page.waitForResponse(r -> r.url().matches(".*/api/v1/jobs/[0-9a-f-]+/metrics$")
                && r.status() == 200, () -> { });
        JsonNode tasks = new ObjectMapper().readTree(metrics.text()).path("tasks");
        StringBuilder perTask = new StringBuilder();
        for (JsonNode task : tasks) {
            perTask.append(String.format(Locale.ROOT, " [%s/%d in %d (%.1f/s) out %d (%.1f/s), watermark lag %s ms]",
                    task.path("chainId").asText(), task.path("subtask").asInt(), task.path("recordsIn").asLong(),
                    task.path("recordsInPerSecond").asDouble(), task.path("recordsOut").asLong(),
                    task.path("recordsOutPerSecond").asDouble(), task.path("watermarkLagMillis").asText("-")));
        }
        LOG.infof("console e2e: job view rates in %s, out %s; GET .../metrics tasks:%s",
                page.getByLabel("Job records in per second", new Page.GetByLabelOptions().setExact(true)).innerText(),
                page.getByLabel("Job records out per second", new Page.GetByLabelOptions().setExact(true)).innerText(),
                perTask);
        assertThat(tasks).as("the job's tasks report").isNotEmpty();
        // The source chain emits into its exchange; the window chain's sink writes a window's counts once a second
        // (datagen's eventInterval of 5 ms makes event time follow the wall clock at 200 records/s), and those are
        // the job's records out.
        assertThat(source.getByLabel(Pattern.compile("records out per second$"))).hasText(NON_ZERO_RATE,
                new LocatorAssertions.HasTextOptions().setTimeout(JOB_WAIT_MS));
        Locator windows = page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Job graph"))
                .getByRole(AriaRole.LISTITEM, new Locator.GetByRoleOptions().setName(Pattern.compile("^Chain counts")));
        assertThat(windows.getByLabel(Pattern.compile("records out per second$"))).hasText(NON_ZERO_RATE,
                new LocatorAssertions.HasTextOptions().setTimeout(JOB_WAIT_MS));
        assertThat(page.getByLabel("Job records out per second", new Page.GetByLabelOptions().setExact(true)))
                .hasText(NON_ZERO_RATE, new LocatorAssertions.HasTextOptions().setTimeout(JOB_WAIT_MS));
        chromium.screenshot(page, "job-view-running");
    }

    @Test
    @Order(40)
    void aViewerSeesThePipelineAndTheRunningJobButNoDeployOrStopButtons() {
        Page own = chromium.newPage();
        SignInFlow flow = new SignInFlow(own);
        flow.signIn(url("/pipelines/" + DatagenWordCount.NAME), SignInFlow.BOB);
        assertThat(own.getByLabel("Your role", new Page.GetByLabelOptions().setExact(true))).hasText("viewer");
        // The versions are loaded (the deploy button, for editors, waits for them): its absence is then meaningful.
        assertThat(own.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Versions"))).isVisible();
        assertThat(own.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Jobs of this pipeline")))
                .isVisible();
        assertThat(own.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Deploy…"))).hasCount(0);

        own.navigate(jobUrl);
        assertThat(own.getByLabel("Job state RUNNING", new Page.GetByLabelOptions().setExact(true))).isVisible();
        assertThat(own.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Checkpoint history")))
                .isVisible();
        assertThat(own.getByRole(AriaRole.TOOLBAR, new Page.GetByRoleOptions().setName("Job actions"))).hasCount(0);
        assertThat(own.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(
                Pattern.compile("^(Stop|Stop with savepoint|Restart|Rescale)$")))).hasCount(0);
        chromium.screenshot(own, "job-view-as-viewer");
        own.context().close();
    }

    @Test
    @Order(50)
    void stopWithSavepointEndsTheJobAndTheSavepointShowsInItsHistory() {
        page.navigate(jobUrl);
        Locator actions = page.getByRole(AriaRole.TOOLBAR, new Page.GetByRoleOptions().setName("Job actions"));
        actions.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Stop with savepoint")
                .setExact(true)).click();
        assertThat(page.getByLabel("Job state CANCELED", new Page.GetByLabelOptions().setExact(true)))
                .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(JOB_WAIT_MS));
        Locator savepoints = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Checkpoint history"))
                .getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("SAVEPOINT"));
        assertThat(savepoints.first()).containsText("COMPLETED");
        chromium.screenshot(page, "job-view-stopped-with-savepoint");
    }

    @Test
    @Order(60)
    void anApiTokenIsCreatedUsedOnceShownAndRevoked() throws Exception {
        mainNavigation("Admin").click();
        Locator create = page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("Create an API token"));
        create.getByLabel("Token name", new Locator.GetByLabelOptions().setExact(true)).fill("e2e-ci");
        create.getByLabel("Token lifetime in days", new Locator.GetByLabelOptions().setExact(true)).fill("7");
        create.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Create token")).click();

        Locator secretRegion = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("New token secret"));
        String secret = secretRegion.getByLabel("Token secret", new Locator.GetByLabelOptions().setExact(true))
                .innerText().trim();
        assertThat(secret).hasSizeGreaterThan(20);
        assertThat(apiStatusWith(secret)).as("the new token works").isEqualTo(200);
        Locator tokens = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("API tokens"));
        assertThat(tokens.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("e2e-ci")))
                .containsText("read");
        chromium.screenshot(page, "admin-token-created");
        secretRegion.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("I have stored it")).click();
        assertThat(secretRegion).hasCount(0);

        tokens.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Revoke e2e-ci").setExact(true))
                .click();
        assertThat(tokens.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("e2e-ci")))
                .containsText("revoked");
        assertThat(apiStatusWith(secret)).as("the revoked token is refused").isEqualTo(401);
        chromium.screenshot(page, "admin");
    }

    @Test
    @Order(90)
    void signingOutEndsTheConsoleAndTheKeycloakSession() {
        Page own = chromium.newPage();
        SignInFlow flow = new SignInFlow(own);
        flow.signIn(url("/pipelines"), SignInFlow.ALICE);
        assertThat(flow.signedInAs()).containsText("Alice");
        assertThat(own).hasURL(Pattern.compile(".*/pipelines$"));

        flow.signOutButton().click();
        assertThat(flow.signInButton()).isVisible();
        assertThat(flow.signedInAs()).hasCount(0);
        // Keycloak's session ended too: signing in again asks for the password instead of passing straight through.
        flow.signInButton().click();
        assertThat(own.locator("#password")).isVisible();
        own.context().close();
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

    private static JsonNode yamlOf(BuilderScreen screen) throws Exception {
        return new ObjectMapper(new YAMLFactory()).readTree(screen.exportedSpec());
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
