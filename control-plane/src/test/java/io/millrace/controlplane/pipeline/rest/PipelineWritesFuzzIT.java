package io.millrace.controlplane.pipeline.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.millrace.localstack.quarkus.KeycloakResource;
import io.millrace.localstack.quarkus.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Random bodies at the pipeline write endpoints (POST and PUT, every spec content type): jqwik generators produce
 * garbage text, JSON-ish and YAML-ish noise, and valid specs with 1–3 random mutations (cut, insert, duplicate a line,
 * swap a number, rename). After EVERY request: never a 5xx; a refused request changed nothing (pipeline, version and
 * audit rows of the tenant are exactly as before); and at the end every pipeline has exactly versions 1..latest.
 * {@code -Dfuzz.requests=N} (default 300).
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KeycloakResource.class)
class PipelineWritesFuzzIT {

    private static final Logger LOG = Logger.getLogger(PipelineWritesFuzzIT.class);
    private static final int REQUESTS = Integer.getInteger("fuzz.requests", 300);
    private static final String BASE = "fuzz-base";
    private static final Set<Integer> ALLOWED = Set.of(200, 201, 400, 404, 405, 409, 412, 413, 415, 429);

    @Inject
    AgroalDataSource dataSource;

    private record Attempt(String method, String name, String contentType, String body) {
    }

    @Test
    void randomBodiesNeverCauseA500OrAPartialWrite() throws SQLException {
        String token = ApiUsers.login().dave();
        // dave (editor, globex) owns this run's pipelines; a base pipeline gives PUT something to version.
        given().auth().oauth2(token).contentType("application/yaml").body(Specs.yaml(BASE, 1).getBytes(
                StandardCharsets.UTF_8)).put("/api/v1/pipelines/" + BASE).then().statusCode(org.hamcrest.Matchers
                        .oneOf(200, 201));
        List<Attempt> attempts = attempts().sampleStream().limit(REQUESTS).toList();
        int accepted = 0;
        List<Integer> statuses = new ArrayList<>();
        for (Attempt attempt : attempts) {
            long[] before = rows();
            Response response = send(token, attempt);
            int status = response.statusCode();
            statuses.add(status);
            assertThat(status).as("%s %s (%s) body:%n%s%nanswer: %s", attempt.method(), attempt.name(),
                    attempt.contentType(), attempt.body(), response.asString()).isIn(ALLOWED);
            if (status >= 400) {
                assertThat(response.contentType()).startsWith("application/problem+json");
                assertThat(rows()).as("a refused %s wrote something: %s", attempt.method(), attempt.body())
                        .containsExactly(before);
            } else {
                accepted++;
            }
        }
        assertThat(count("SELECT count(*) FROM pipeline p WHERE p.latest_version <> (SELECT count(*) FROM"
                + " pipeline_version v WHERE v.pipeline_id = p.id) OR p.latest_version <> (SELECT max(version) FROM"
                + " pipeline_version v WHERE v.pipeline_id = p.id)")).as("pipelines whose versions have holes")
                .isZero();
        assertThat(accepted).as("some mutated specs stay valid and are written").isPositive();
        LOG.infof("fuzz: %d requests, %d accepted, statuses %s", attempts.size(), accepted,
                statuses.stream().collect(java.util.stream.Collectors.groupingBy(s -> s,
                        java.util.TreeMap::new, java.util.stream.Collectors.counting())));
    }

    private static Response send(String token, Attempt attempt) {
        var request = given().auth().oauth2(token).contentType(attempt.contentType())
                .body(attempt.body().getBytes(StandardCharsets.UTF_8));
        if (attempt.method().equals("POST")) {
            return request.post("/api/v1/pipelines");
        }
        return request.urlEncodingEnabled(false)
                .put("/api/v1/pipelines/" + URLEncoder.encode(attempt.name(), StandardCharsets.UTF_8));
    }

    private static Arbitrary<Attempt> attempts() {
        Arbitrary<String> method = Arbitraries.of("POST", "PUT");
        Arbitrary<String> contentType = Arbitraries.of("application/yaml", "application/json", "text/plain",
                "text/yaml");
        Arbitrary<String> name = Arbitraries.oneOf(Arbitraries.just(BASE),
                Arbitraries.strings().withChars("abcxyz0123-_. ").ofMinLength(1).ofMaxLength(12),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(8));
        Arbitrary<String> body = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, mutatedSpec()),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMaxLength(300)),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().withChars("{}[]:,\"'-#&*!|>% \n\tabc123")
                        .ofMaxLength(200)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Specs.json(BASE))));
        return Combinators.combine(method, name, contentType, body).as(Attempt::new);
    }

    /** A valid spec (the base, or a new name) with up to three random edits. */
    private static Arbitrary<String> mutatedSpec() {
        Arbitrary<String> base = Arbitraries.oneOf(Arbitraries.just(Specs.yaml(BASE, 1)),
                Arbitraries.integers().between(0, 1000).map(n -> Specs.yaml(BASE, n)),
                Arbitraries.strings().withChars("abcdefghij-").ofMinLength(1).ofMaxLength(10)
                        .map(suffix -> Specs.yaml("fuzz-" + suffix, 3)));
        Arbitrary<Mutation> mutation = Combinators.combine(Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, 10_000), Arbitraries.integers().between(0, 40),
                Arbitraries.strings().withChars("{}[]:,\"'-#&*!|>%@` \nabcZ09").ofMaxLength(6))
                .as(Mutation::new);
        return Combinators.combine(base, mutation.list().ofMaxSize(3)).as((text, edits) -> {
            String result = text;
            for (Mutation m : edits) {
                result = m.apply(result);
            }
            return result;
        });
    }

    private record Mutation(int kind, int at, int length, String text) {
        String apply(String spec) {
            if (spec.isEmpty()) {
                return text;
            }
            int i = at % spec.length();
            int end = Math.min(spec.length(), i + length);
            return switch (kind) {
                case 0 -> spec.substring(0, i) + spec.substring(end); // cut
                case 1 -> spec.substring(0, i) + text + spec.substring(i); // insert noise
                case 2 -> { // duplicate the line at i
                    int start = spec.lastIndexOf('\n', i) + 1;
                    int stop = spec.indexOf('\n', i);
                    String line = spec.substring(start, stop < 0 ? spec.length() : stop + 1);
                    yield spec.substring(0, start) + line + spec.substring(start);
                }
                case 3 -> spec.replaceFirst("\\d+", Integer.toString(at - 5_000)); // another number
                default -> spec.replace("count", text.isBlank() ? "count" : text.strip()); // rename
            };
        }
    }

    /** Pipelines, versions and pipeline audit entries of dave's tenant. */
    private long[] rows() throws SQLException {
        return new long[] { count("SELECT count(*) FROM pipeline WHERE tenant_id = 'globex'"),
                count("SELECT count(*) FROM pipeline_version WHERE tenant_id = 'globex'"),
                count("SELECT count(*) FROM audit_entry WHERE tenant_id = 'globex' AND resource_type = 'pipeline'") };
    }

    private long count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql);
                ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }
}
