package io.millrace.controlplane.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.millrace.cli.CliEnvironment;
import io.millrace.cli.MillraceCli;
import io.millrace.controlplane.security.TestUsers;
import io.millrace.localstack.quarkus.KeycloakResource;
import io.millrace.localstack.quarkus.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code millrace} CLI end to end: its commands run in-process (same code as the executable, own environment and
 * captured output) against this control plane with real PostgreSQL and Keycloak. Alice (admin of acme) creates the
 * login API token through the API; everything after that goes through the CLI (token creation with her OIDC access
 * token: the API lets no API token create tokens). No worker is connected, so deployed jobs stay CREATED, which is
 * enough for deploy, list, status and stop.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KeycloakResource.class)
class CliIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL url;

    @TempDir
    Path dir;

    private String pipeline;
    private String alice;
    /** Every line any command printed, to prove no token leaks. */
    private final List<String> printed = new ArrayList<>();

    record Run(int exit, String out, String err) {
        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + out + "\nstderr: " + err, e);
            }
        }
    }

    @BeforeEach
    void setUp() {
        alice = TestUsers.token("alice");
        pipeline = "cli-it-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void loginApplyValidatePlanDeployOperateAndLogout() throws IOException {
        String secret = TestUsers.apiToken(alice, "cli-it-writer", List.of("read", "write"));

        Run login = cli("login", "--url", url.toString(), "--token", secret);
        assertThat(login.exit()).as(login.err()).isZero();
        assertThat(login.out()).contains("logged in to", "in tenant acme", "API token");
        Path config = dir.resolve("config.json");
        assertThat(Files.readString(config)).contains(secret);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config))).isEqualTo("rw-------");

        // apply: created -> unchanged -> new version
        Path v1 = spec("v1.yaml", 1000);
        assertThat(ok("apply", "-f", v1.toString()).out()).isEqualTo("pipeline " + pipeline + " created (version 1)\n");
        assertThat(ok("apply", "-f", v1.toString()).out())
                .isEqualTo("pipeline " + pipeline + " unchanged (version 1)\n");
        Path v2 = spec("v2.yaml", 2000);
        JsonNode applied = ok("apply", "-f", v2.toString(), "-o", "json").json();
        assertThat(applied.path("outcome").asText()).isEqualTo("VERSION_ADDED");
        assertThat(applied.path("latestVersion").asInt()).isEqualTo(2);
        Run stale = cli("apply", "-f", spec("v3.yaml", 3000).toString(), "--if-match", "\"stale-etag\"");
        assertThat(stale.exit()).isEqualTo(MillraceCli.API_ERROR);
        assertThat(stale.err()).startsWith("error: ");
        assertThat(ok("versions", pipeline, "-o", "json").json()).hasSize(2);

        // an invalid spec: located errors, exit 1, nothing stored
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, specText(1000).replace("  parallelism: 2\n", "  parallelizm: 2\n"));
        Run validate = cli("validate", "-f", bad.toString());
        assertThat(validate.exit()).isEqualTo(MillraceCli.API_ERROR);
        assertThat(validate.out()).containsPattern(java.util.regex.Pattern.quote(bad.toString())
                + ":5:\\d+: error: .*parallelizm.*\\[unknown-field\\]").contains("invalid (1 errors)");
        Run badApply = cli("apply", "-f", bad.toString());
        assertThat(badApply.exit()).isEqualTo(MillraceCli.API_ERROR);
        assertThat(badApply.err()).startsWith("error: Invalid pipeline spec: the spec has 1 error")
                .containsPattern(java.util.regex.Pattern.quote(bad.toString()) + ":5:\\d+: .*parallelizm");
        assertThat(ok("validate", "-f", v1.toString()).out()).endsWith(v1 + ": valid\n");

        // plan, pipelines, versions, diff
        String plan = ok("plan", "-f", v1.toString()).out();
        assertThat(plan).contains("plan of " + pipeline + ": 2 chains", "bids (datagen-source)", "HASH",
                "value.bidder");
        assertThat(ok("pipelines").out()).containsPattern(pipeline + "\\s+2\\s+YAML");
        assertThat(ok("versions", pipeline).out()).containsPattern("(?m)^2\\s+YAML").containsPattern("(?m)^1\\s+YAML");
        String diff = ok("diff", pipeline, "1", "2").out();
        assertThat(diff).contains("--- " + pipeline + "@1", "+++ " + pipeline + "@2", "-    - {id: bids",
                "rate: 1000", "+    - {id: bids", "rate: 2000");

        // deploy version 1, find it, read its status, stop it; stopping again is refused
        JsonNode deployed = ok("deploy", pipeline, "--version", "1", "-o", "json").json();
        String job = deployed.path("id").asText();
        assertThat(deployed.path("pipeline").path("version").asInt()).isEqualTo(1);
        JsonNode jobs = ok("jobs", "--pipeline", pipeline, "-o", "json").json();
        assertThat(jobs.findValuesAsText("id")).contains(job);
        assertThat(ok("jobs", "--pipeline", pipeline).out()).contains(job, pipeline + "@1");
        JsonNode status = ok("status", job, "-o", "json").json();
        assertThat(status.path("state").asText()).isIn("CREATED", "SCHEDULED");
        assertThat(status.path("pipeline").path("name").asText()).isEqualTo(pipeline);
        assertThat(ok("status", job).out()).containsPattern("(?m)^state\\s+(CREATED|SCHEDULED)");
        assertThat(ok("exceptions", job).out()).isEqualTo("no failures\n");
        assertThat(ok("checkpoints", job).out()).isEqualTo("no checkpoints\n");
        assertThat(ok("stop", job).out()).startsWith("job " + job + " CANCELED");
        Run again = cli("stop", job);
        assertThat(again.exit()).isEqualTo(MillraceCli.API_ERROR);
        assertThat(again.err()).startsWith("error: Not possible in the job's state: job " + job + " is CANCELED");
        JsonNode problem = cli("stop", job, "-o", "json").json();
        assertThat(problem.path("status").asInt()).isEqualTo(409);
        assertThat(problem.path("type").asText()).endsWith("/job-state-conflict");
        assertThat(ok("workers", "-o", "json").json().isArray()).isTrue();

        // tokens: the API lets only signed-in users create them, so the CLI relays its refusal for an API token;
        // with alice's OIDC access token (MILLRACE_TOKEN) the secret is printed once, alone; list never shows it
        Run byToken = cli("tokens", "create", "--name", "cli-it-reader", "--scope", "read");
        assertThat(byToken.exit()).isEqualTo(MillraceCli.API_ERROR);
        assertThat(byToken.err()).startsWith("error: Not allowed: an API token cannot create API tokens");
        Map<String, String> asAlice = Map.of("MILLRACE_URL", url.toString(), "MILLRACE_TOKEN", alice);
        Run created = cli(asAlice, "tokens", "create", "--name", "cli-it-reader", "--scope", "read", "--ttl-days",
                "1");
        assertThat(created.exit()).as(created.err()).isZero();
        String readSecret = created.out().strip();
        assertThat(readSecret).startsWith("mr_").doesNotContain(" ");
        assertThat(created.err()).contains("never shown again");
        JsonNode tokens = ok("tokens", "list", "-o", "json").json();
        String readId = null;
        for (JsonNode token : tokens) {
            assertThat(token.has("secret")).isFalse();
            if ("cli-it-reader".equals(token.path("name").asText())) {
                readId = token.path("id").asText();
            }
        }
        assertThat(readId).isNotNull();
        assertThat(ok("tokens", "list").out()).contains("cli-it-reader").doesNotContain(readSecret);

        // a viewer token (env override, no config needed) reads but cannot apply
        Map<String, String> asReader = Map.of("MILLRACE_URL", url.toString(), "MILLRACE_TOKEN", readSecret);
        assertThat(cli(asReader, "pipelines").exit()).isZero();
        Run refused = cli(asReader, "apply", "-f", v2.toString());
        assertThat(refused.exit()).isEqualTo(MillraceCli.API_ERROR);
        assertThat(refused.err()).startsWith("error: Not allowed: this needs the editor role in tenant acme");
        JsonNode refusedJson = cli(asReader, "apply", "-f", v2.toString(), "-o", "json").json();
        assertThat(refusedJson.path("status").asInt()).isEqualTo(403);

        assertThat(ok("tokens", "revoke", readId).out()).contains("cli-it-reader", "revoked");
        Run revoked = cli(asReader, "pipelines");
        assertThat(revoked.exit()).isEqualTo(MillraceCli.API_ERROR);
        assertThat(revoked.err()).startsWith("error: Not authenticated");

        // logout forgets the login; commands then ask for one (usage error)
        assertThat(ok("logout").out()).contains("logged out");
        assertThat(config).doesNotExist();
        Run loggedOut = cli("jobs");
        assertThat(loggedOut.exit()).isEqualTo(MillraceCli.USAGE);
        assertThat(loggedOut.err()).contains("not logged in");

        assertThat(printed).noneMatch(line -> line.contains(secret) || line.contains(alice));
    }

    @Test
    void loginWithABadTokenStoresNothing() {
        Run login = cli("login", "--url", url.toString(), "--token", "mr_notarealtoken000000000000");
        assertThat(login.exit()).isEqualTo(MillraceCli.API_ERROR);
        assertThat(login.err()).startsWith("error: Not authenticated");
        assertThat(dir.resolve("config.json")).doesNotExist();
    }

    private Run ok(String... args) {
        Run run = cli(args);
        assertThat(run.exit()).as("millrace %s\nstdout: %s\nstderr: %s", String.join(" ", args), run.out(), run.err())
                .isZero();
        return run;
    }

    private Run cli(String... args) {
        return cli(Map.of(), args);
    }

    private Run cli(Map<String, String> extraEnv, String... args) {
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put("MILLRACE_CONFIG", dir.resolve("config.json").toString());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        InputStream in = new ByteArrayInputStream(new byte[0]);
        int exit = new MillraceCli(new CliEnvironment(env, dir, new PrintWriter(out), new PrintWriter(err), in))
                .execute(args);
        printed.addAll(out.toString().lines().toList());
        printed.addAll(err.toString().lines().toList());
        return new Run(exit, out.toString(), err.toString());
    }

    private Path spec(String file, int rate) throws IOException {
        Path path = dir.resolve(file);
        Files.writeString(path, specText(rate), StandardCharsets.UTF_8);
        return path;
    }

    /** A keyed pipeline (two chains, a HASH edge); the rate tells versions apart. */
    private String specText(int rate) {
        return """
                apiVersion: millrace.io/v1
                kind: Pipeline
                metadata: {name: %s}
                spec:
                  parallelism: 2
                  maxParallelism: 16
                  nodes:
                    - {id: bids, type: datagen-source, generator: nexmark, nexmark: {stream: bid}, rate: %d, seed: 1}
                    - id: count
                      type: process
                      inputs: [bids]
                      keyBy: value.bidder
                      state: [{name: count, kind: value, type: int}]
                      onRecord:
                        update: {count: "count + 1"}
                        emit: "[{'bidder': value.bidder, 'count': count + 1}]"
                    - {id: out, type: file-sink, inputs: [count], path: target/cli-it-out}
                """.formatted(pipeline, rate);
    }
}
