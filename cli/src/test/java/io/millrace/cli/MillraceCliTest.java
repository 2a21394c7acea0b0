package io.millrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parsing, exit codes and what the commands send and print, against {@link FakeApi}. */
class MillraceCliTest {

    private static final String JOB = "0b6c1a9e-5f39-4a57-9a43-3c2f5a0e8d11";
    private static final String JOB_JSON = """
            {"id":"%s","name":"wc","state":"CREATED","stateReason":"waiting for 2 slots",
             "pipeline":{"id":"11111111-1111-1111-1111-111111111111","name":"wc","version":3},
             "attempt":0,"parallelism":null,"createdAt":"2026-11-21T07:54:54.123456Z","tasks":[]}""".formatted(JOB);

    @TempDir
    Path dir;

    private FakeApi api;
    private final Map<String, String> env = new HashMap<>();
    private String stdin = "";

    record Run(int exit, String out, String err) {
    }

    @BeforeEach
    void start() throws IOException {
        api = new FakeApi();
        env.put("MILLRACE_CONFIG", dir.resolve("config.json").toString());
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private void loggedIn() {
        env.put("MILLRACE_URL", api.url());
        env.put("MILLRACE_TOKEN", "mr_unit_token");
    }

    private Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new MillraceCli(new CliEnvironment(env, dir, new PrintWriter(out), new PrintWriter(err),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)))).execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void withoutACommandItPrintsUsageAndExitsWithTwo() {
        Run run = cli();
        assertThat(run.exit()).isEqualTo(MillraceCli.USAGE);
        assertThat(run.err()).contains("Usage: millrace", "apply", "tokens");
    }

    @Test
    void usageErrorsExitWithTwoAndSayWhatIsWrong() {
        loggedIn();
        Run unknown = cli("aply");
        assertThat(unknown.exit()).isEqualTo(MillraceCli.USAGE);
        assertThat(unknown.err()).contains("error: Unmatched argument at index 0: 'aply'", "apply");

        Run badOutput = cli("jobs", "--output", "xml");
        assertThat(badOutput.exit()).isEqualTo(MillraceCli.USAGE);
        assertThat(badOutput.err()).contains("--output", "xml", "see 'millrace jobs --help'");

        Run noFile = cli("apply");
        assertThat(noFile.exit()).isEqualTo(MillraceCli.USAGE);
        assertThat(noFile.err()).contains("Missing required option: '--file=SPEC'");

        Run badSavepoint = cli("deploy", "wc", "--from-savepoint", "not-a-uuid:4");
        assertThat(badSavepoint.exit()).isEqualTo(MillraceCli.USAGE);
        assertThat(badSavepoint.err()).contains("'not-a-uuid' is not a job id");

        assertThat(cli("tokens").exit()).isEqualTo(MillraceCli.USAGE);
        assertThat(api.requests()).as("no usage error reaches the API").isEmpty();
    }

    @Test
    void helpAndVersionExitWithZero() {
        assertThat(cli("--help").exit()).isZero();
        Run version = cli("--version");
        assertThat(version.exit()).isZero();
        assertThat(version.out()).startsWith("millrace ");
    }

    @Test
    void withoutLoginCommandsSayHowToLogIn() {
        Run run = cli("jobs");
        assertThat(run.exit()).isEqualTo(MillraceCli.USAGE);
        assertThat(run.err()).startsWith("error: not logged in: run 'millrace login --url URL --token TOKEN'");
    }

    @Test
    void aMissingSpecFileIsAUsageError() {
        loggedIn();
        Run run = cli("validate", "-f", dir.resolve("nope.yaml").toString());
        assertThat(run.exit()).isEqualTo(MillraceCli.USAGE);
        assertThat(run.err()).contains("spec file", "nope.yaml", "does not exist");
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void loginVerifiesTheTokenThenStoresItAndNeverPrintsIt() throws IOException {
        api.answer("GET /api/v1/tenants/current", 200, "application/json",
                "{\"id\":\"acme\",\"role\":\"editor\",\"username\":\"alice\",\"apiToken\":true,\"scopes\":[\"write\"]}");
        Run run = cli("login", "--url", api.url() + "/", "--token", "mr_login_secret");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("logged in to " + api.url() + " as alice (editor in tenant acme, API token)");
        assertThat(run.out() + run.err()).doesNotContain("mr_login_secret");
        assertThat(api.last().header("Authorization")).isEqualTo("Bearer mr_login_secret");
        assertThat(Files.readString(dir.resolve("config.json"))).contains("mr_login_secret", api.url());
    }

    @Test
    void loginReadsTheTokenFromStdinAndStoresNothingWhenTheApiRefusesIt() {
        api.answer("GET /api/v1/tenants/current", 401, "application/problem+json",
                "{\"title\":\"Not authenticated\",\"status\":401,\"detail\":\"unknown API token\"}");
        stdin = "mr_from_stdin\n";
        Run run = cli("login", "--url", api.url(), "--token-stdin");

        assertThat(run.exit()).isEqualTo(MillraceCli.API_ERROR);
        assertThat(run.err()).isEqualTo("error: Not authenticated: unknown API token\n");
        assertThat(api.last().header("Authorization")).isEqualTo("Bearer mr_from_stdin");
        assertThat(dir.resolve("config.json")).doesNotExist();
    }

    @Test
    void loginRefusesAUrlThatIsNotHttp() {
        Run run = cli("login", "--url", "millrace.example.com", "--token", "t");
        assertThat(run.exit()).isEqualTo(MillraceCli.USAGE);
        assertThat(run.err()).contains("--url must be an http(s) URL");
    }

    @Test
    void jobsSendsFiltersAndTenantAndPrintsATableOrTheApiJson() throws IOException {
        loggedIn();
        api.answer("GET /api/v1/jobs?pipeline=wc&state=CREATED", 200, "application/json", "[" + JOB_JSON + "]");

        Run table = cli("jobs", "--pipeline", "wc", "--state", "CREATED", "--tenant", "acme");
        assertThat(table.exit()).as(table.err()).isZero();
        assertThat(api.last().header("Millrace-Tenant")).isEqualTo("acme");
        assertThat(table.out()).isEqualTo("""
                ID                                    NAME  STATE    PIPELINE  PARALLELISM  ATTEMPT  CREATED
                %s  wc    CREATED  wc@3      -            0        2026-11-21T07:54:54Z
                """.formatted(JOB));

        Run json = cli("jobs", "--pipeline", "wc", "--state", "CREATED", "-o", "JSON");
        assertThat(new ObjectMapper().readTree(json.out()).get(0).path("id").asText()).isEqualTo(JOB);
    }

    @Test
    void anApiErrorExitsWithOneAsTextOrAsTheProblemJson() throws IOException {
        loggedIn();
        String problem = "{\"type\":\"https://millrace.dev/problems/job-state-conflict\",\"title\":\"Not possible in"
                + " the job's state\",\"status\":409,\"detail\":\"job " + JOB + " is CANCELED (it has ended)\"}";
        api.answer("POST /api/v1/jobs/" + JOB + "/stop", 409, "application/problem+json", problem);

        Run text = cli("stop", JOB);
        assertThat(text.exit()).isEqualTo(MillraceCli.API_ERROR);
        assertThat(text.err()).isEqualTo("error: Not possible in the job's state: job " + JOB
                + " is CANCELED (it has ended)\n");
        assertThat(text.out()).isEmpty();

        Run json = cli("stop", JOB, "--output", "json");
        assertThat(json.exit()).isEqualTo(MillraceCli.API_ERROR);
        assertThat(new ObjectMapper().readTree(json.out())).isEqualTo(new ObjectMapper().readTree(problem));
    }

    @Test
    void validatePrintsErrorsAtFileLineColumnWithHintsAndExitsWithOneWhenInvalid() throws IOException {
        loggedIn();
        Path spec = dir.resolve("wc.yaml");
        Files.writeString(spec, "metadata: {name: wc}\nspec:\n  parallelizm: 2\n");
        api.answer("POST /api/v1/pipelines:validate", 200, "application/json", """
                {"valid":false,"errors":[{"path":"/spec/parallelizm","line":3,"column":3,"code":"unknown-field",
                "severity":"error","message":"unknown setting 'parallelizm' in spec","hint":"did you mean 'parallelism'?"}],
                "warnings":[]}""");

        Run run = cli("validate", "-f", spec.toString());

        assertThat(run.exit()).isEqualTo(MillraceCli.API_ERROR);
        assertThat(run.out()).isEqualTo(spec + ":3:3: error: unknown setting 'parallelizm' in spec [unknown-field]\n"
                + "  hint: did you mean 'parallelism'?\n" + spec + ": invalid (1 errors)\n");
        assertThat(api.last().body()).isEqualTo("metadata: {name: wc}\nspec:\n  parallelizm: 2\n");
        assertThat(api.last().header("Content-Type")).isEqualTo("application/yaml");
    }

    @Test
    void applyPutsTheSpecUnderItsNameAndSaysWhatHappened() throws IOException {
        loggedIn();
        Path spec = dir.resolve("wc.json");
        Files.writeString(spec, "{\"metadata\": {\"name\": \"word count\"}, \"spec\": {}}");
        api.answer("PUT /api/v1/pipelines/word%20count", 200, "application/json",
                "{\"name\":\"word count\",\"latestVersion\":4,\"outcome\":\"VERSION_ADDED\"}");

        Run run = cli("apply", "-f", spec.toString(), "--if-match", "\"e3\"");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("pipeline word count: new version 4\n");
        assertThat(api.last().header("Content-Type")).isEqualTo("application/json");
        assertThat(api.last().header("If-Match")).isEqualTo("\"e3\"");
    }

    @Test
    void applyOfATextWithoutAReadableNameShowsTheServersLocatedErrors() throws IOException {
        loggedIn();
        Path spec = dir.resolve("broken.yaml");
        Files.writeString(spec, "metadata: [unclosed\n");
        api.answer("POST /api/v1/pipelines:validate", 200, "application/json", """
                {"valid":false,"errors":[{"path":"","line":1,"column":11,"code":"syntax","severity":"error",
                "message":"unexpected end of the document"}],"warnings":[]}""");

        Run run = cli("apply", "-f", spec.toString());

        assertThat(run.exit()).isEqualTo(MillraceCli.API_ERROR);
        assertThat(run.out()).startsWith(spec + ":1:11: error: unexpected end of the document [syntax]\n")
                .endsWith("invalid, nothing applied\n");
        assertThat(api.requests()).extracting(FakeApi.Request::method).containsExactly("POST");
    }

    @Test
    void deploySendsVersionParallelismAndSavepoint() throws IOException {
        loggedIn();
        api.answer("POST /api/v1/pipelines/wc/deploy", 201, "application/json", JOB_JSON);

        Run run = cli("deploy", "wc", "--version", "3", "--parallelism", "4", "--from-savepoint", JOB + ":17");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("deployed wc version 3 as job " + JOB + " (CREATED)\n");
        assertThat(new ObjectMapper().readTree(api.last().body())).isEqualTo(new ObjectMapper().readTree(
                "{\"version\":3,\"parallelism\":4,\"fromSavepoint\":{\"jobId\":\"" + JOB + "\",\"checkpointId\":17}}"));
    }

    @Test
    void resumeNamesCheckpointAndParallelismInTheQuery() {
        loggedIn();
        api.answer("POST /api/v1/jobs/" + JOB + "/resume?checkpointId=7&parallelism=3", 201, "application/json",
                JOB_JSON);

        Run run = cli("resume", JOB, "--checkpoint", "7", "--parallelism", "3");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("resumed " + JOB + " as job " + JOB + " CREATED: waiting for 2 slots\n");
    }

    @Test
    void tokensCreatePrintsOnlyTheSecretOnStdout() throws IOException {
        loggedIn();
        api.answer("POST /api/v1/tokens", 201, "application/json", """
                {"id":"22222222-2222-2222-2222-222222222222","name":"ci","prefix":"mr_abcdefgh","scopes":["read","write"],
                 "expiresAt":"2027-01-01T00:00:00Z","secret":"mr_abcdefgh_the_secret"}""");

        Run run = cli("tokens", "create", "--name", "ci", "--scope", "read,write", "--ttl-days", "30");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("mr_abcdefgh_the_secret\n");
        assertThat(run.err()).contains("token ci (22222222-2222-2222-2222-222222222222)", "never shown again")
                .doesNotContain("the_secret");
        assertThat(new ObjectMapper().readTree(api.last().body())).isEqualTo(new ObjectMapper()
                .readTree("{\"name\":\"ci\",\"scopes\":[\"read\",\"write\"],\"ttlDays\":30}"));
    }

    @Test
    void anUnreachableControlPlaneExitsWithOneAndNamesTheUrl() {
        env.put("MILLRACE_URL", "http://127.0.0.1:1");
        env.put("MILLRACE_TOKEN", "mr_x");
        Run run = cli("pipelines");
        assertThat(run.exit()).isEqualTo(MillraceCli.API_ERROR);
        assertThat(run.err()).startsWith("error: cannot connect to http://127.0.0.1:1");
    }
}
