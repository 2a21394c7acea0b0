package io.millrace.controlplane.job.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millrace.controlplane.connection.service.KafkaConnectionGrant;
import io.millrace.controlplane.job.service.TenantTopicPolicy.KafkaAccess;
import io.millrace.spec.model.PipelineSpec;
import io.millrace.spec.parse.Format;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Submit-time tenant isolation of Kafka topics, on specs compiled by the real compiler. */
class TenantTopicPolicyTest {

    private static PipelineSpec pipeline(String... nodes) {
        String yaml = """
                apiVersion: millrace.io/v1
                kind: Pipeline
                metadata: {name: topics}
                spec:
                  parallelism: 1
                  nodes:
                """ + String.join("\n", java.util.Arrays.stream(nodes).map(n -> "    - " + n).toList()) + "\n";
        return new SpecPlanner().plan(yaml, Format.YAML, null).pipeline();
    }

    private static final KafkaAccess TENANT_ONLY = KafkaAccess.tenantClusterOnly();

    private static final String SINK = "{id: out, type: kafka-sink, inputs: [in], topic: acme.out}";

    @Test
    void topicsInsideTheTenantPrefixPass() {
        assertThat(TenantTopicPolicy.violations("acme", TENANT_ONLY, pipeline(
                "{id: in, type: kafka-source, topic: acme.orders}", SINK))).isEmpty();
        assertThat(TenantTopicPolicy.violations("acme", TENANT_ONLY, pipeline(
                "{id: in, type: kafka-source, topics: [acme.a, acme.b]}", SINK))).isEmpty();
        assertThat(TenantTopicPolicy.violations("acme", TENANT_ONLY, pipeline(
                "{id: in, type: kafka-source, topicPattern: 'acme\\.(orders|refunds)-.*'}", SINK))).isEmpty();
    }

    @Test
    void aSourceTopicOfAnotherTenantIsRefusedWithNodeSettingPrefixAndFix() {
        List<String> violations = TenantTopicPolicy.violations("acme", TENANT_ONLY, pipeline(
                "{id: in, type: kafka-source, topic: globex.orders}", SINK));
        assertThat(violations).containsExactly("node 'in' (kafka-source) setting topic: 'globex.orders' must start"
                + " with 'acme.'; rename it to 'acme.globex.orders'");
    }

    @Test
    void everyListedTopicAndTheSinkAreChecked() {
        List<String> violations = TenantTopicPolicy.violations("acme", TENANT_ONLY, pipeline(
                "{id: in, type: kafka-source, topics: [acme.a, orders]}",
                "{id: out, type: kafka-sink, inputs: [in], topic: acmeout}"));
        assertThat(violations).hasSize(2);
        assertThat(violations.get(0)).startsWith("node 'in' (kafka-source) setting topics[1]: 'orders'");
        // "acmeout" shares the letters but not the prefix "acme.".
        assertThat(violations.get(1)).startsWith("node 'out' (kafka-sink) setting topic: 'acmeout' must start with"
                + " 'acme.'");
    }

    @Test
    void patternsMustStartWithTheEscapedPrefixAndNotEscapeItByAlternation() {
        assertThat(TenantTopicPolicy.patternViolation("acme", "orders-.*")).isPresent();
        assertThat(TenantTopicPolicy.patternViolation("acme", "acme.orders")).isPresent(); // '.' matches any char
        assertThat(TenantTopicPolicy.patternViolation("acme", ".*")).isPresent();
        assertThat(TenantTopicPolicy.patternViolation("acme", "acme\\.a|globex\\..*")).get().asString()
                .contains("outside parentheses");
        assertThat(TenantTopicPolicy.patternViolation("acme", "acme\\.[|]x")).isEmpty();
        assertThat(TenantTopicPolicy.patternViolation("acme", "acme\\.\\|x")).isEmpty();
        assertThat(TenantTopicPolicy.patternViolation("acme", "acme\\.(a|b)")).isEmpty();
    }

    @Test
    void aTopicExpressionOnTheTenantClusterIsRefusedBecauseItCannotBeChecked() {
        List<String> violations = TenantTopicPolicy.violations("acme", TENANT_ONLY, pipeline(
                "{id: in, type: kafka-source, topic: acme.in}",
                "{id: out, type: kafka-sink, inputs: [in], topicExpression: \"'acme.' + string(value.x)\"}"));
        assertThat(violations).singleElement().asString().contains("setting topicExpression");
    }

    @Test
    void rawBootstrapServersAreRefusedByDefaultWithTheWayToAConnection() {
        List<String> violations = TenantTopicPolicy.violations("acme", TENANT_ONLY, pipeline(
                "{id: in, type: kafka-source, topic: orders, bootstrapServers: 'kafka.example:9092'}",
                "{id: out, type: kafka-sink, inputs: [in], topic: out, bootstrapServers: 'kafka.example:9092'}"));
        assertThat(violations).hasSize(2);
        assertThat(violations.get(0)).startsWith("node 'in' (kafka-source) setting bootstrapServers: naming a Kafka"
                + " cluster directly is not allowed").contains("/api/v1/kafka-connections")
                .contains("`connection: <name>`");
        assertThat(violations.get(1)).startsWith("node 'out' (kafka-sink) setting bootstrapServers");
    }

    @Test
    void rawBootstrapServersAreUncheckedWhenTheServiceAllowsThem() {
        assertThat(TenantTopicPolicy.violations("acme", new KafkaAccess(Map.of(), true), pipeline(
                "{id: in, type: kafka-source, topic: orders, bootstrapServers: 'kafka.example:9092'}",
                "{id: out, type: kafka-sink, inputs: [in], topic: out, bootstrapServers: 'kafka.example:9092'}")))
                .isEmpty();
    }

    @Test
    void aConnectionOfTheTenantWithoutPrefixesAllowsAnyTopicOnIt() {
        KafkaAccess access = new KafkaAccess(Map.of("billing", new KafkaConnectionGrant("billing", "b:9093",
                List.of())), false);
        assertThat(TenantTopicPolicy.violations("acme", access, pipeline(
                "{id: in, type: kafka-source, topic: invoices, connection: billing}",
                "{id: out, type: kafka-sink, inputs: [in], topicExpression: \"'x.' + string(value)\","
                        + " connection: billing}"))).isEmpty();
    }

    @Test
    void anUnknownConnectionIsRefusedNamingTheTenantAndWhereToCreateIt() {
        KafkaAccess access = new KafkaAccess(Map.of("billing", new KafkaConnectionGrant("billing", "b:9093",
                List.of())), false);
        assertThat(TenantTopicPolicy.violations("acme", access, pipeline(
                "{id: in, type: kafka-source, topic: invoices, connection: x}", SINK)))
                .containsExactly("node 'in' (kafka-source) setting connection: no Kafka connection 'x' in tenant"
                        + " acme; an admin creates it under /api/v1/kafka-connections (the tenant has: billing)");
    }

    @Test
    void aConnectionsPrefixesConfineTopicsPatternsAndExpressions() {
        KafkaAccess access = new KafkaAccess(Map.of("billing", new KafkaConnectionGrant("billing", "b:9093",
                List.of("inv.", "pay."))), false);
        assertThat(TenantTopicPolicy.violations("acme", access, pipeline(
                "{id: in, type: kafka-source, topics: [inv.2024, pay.eu], connection: billing}",
                "{id: out, type: kafka-sink, inputs: [in], topic: pay.out, connection: billing}"))).isEmpty();
        assertThat(TenantTopicPolicy.violations("acme", access, pipeline(
                "{id: in, type: kafka-source, topicPattern: 'pay\\.(eu|us)', connection: billing}", SINK)))
                .isEmpty();
        List<String> violations = TenantTopicPolicy.violations("acme", access, pipeline(
                "{id: in, type: kafka-source, topic: hr.salaries, connection: billing}",
                "{id: out, type: kafka-sink, inputs: [in], topicExpression: \"'inv.' + string(value)\","
                        + " connection: billing}"));
        assertThat(violations).hasSize(2);
        assertThat(violations.get(0)).isEqualTo("node 'in' (kafka-source) setting topic: 'hr.salaries' must start"
                + " with one of 'inv.', 'pay.' (allowed on connection 'billing'); rename it to 'inv.hr.salaries'");
        assertThat(violations.get(1)).contains("setting topicExpression");
        assertThat(TenantTopicPolicy.violations("acme", access, pipeline(
                "{id: in, type: kafka-source, topicPattern: '.*', connection: billing}", SINK)))
                .singleElement().asString().contains("setting topicPattern");
    }

    @Test
    void theTenantPrefixDoesNotApplyOnAConnection() {
        // The tenant prefix protects the SHARED cluster; a granted cluster has its own rules.
        KafkaAccess access = new KafkaAccess(Map.of("billing", new KafkaConnectionGrant("billing", "b:9093",
                List.of())), false);
        assertThat(TenantTopicPolicy.violations("acme", access, pipeline(
                "{id: in, type: kafka-source, topic: acme.in}",
                "{id: out, type: kafka-sink, inputs: [in], topic: globex.out, connection: billing}"))).isEmpty();
        assertThat(TenantTopicPolicy.violations("acme", access, pipeline(
                "{id: in, type: kafka-source, topic: acme.in}",
                "{id: out, type: kafka-sink, inputs: [in], topic: globex.out}"))).hasSize(1);
    }

    @Test
    void submitRefusesTheSpecWithEveryViolation() {
        assertThatThrownBy(() -> TenantTopicPolicy.check("acme", TENANT_ONLY, pipeline(
                "{id: in, type: kafka-source, topic: orders}",
                "{id: out, type: kafka-sink, inputs: [in], topic: out}")))
                .isInstanceOf(JobOperationException.class)
                .hasMessageContaining("outside tenant acme")
                .hasMessageContaining("node 'in'")
                .hasMessageContaining("node 'out'");
    }
}
