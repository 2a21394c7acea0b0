package io.millrace.controlplane.pipeline.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millrace.controlplane.api.ApiProblem;
import io.millrace.spec.parse.Format;
import org.junit.jupiter.api.Test;

class SpecCheckerTest {

    private final SpecChecker checker = new SpecChecker();

    private static final String VALID = """
            apiVersion: millrace.io/v1
            kind: Pipeline
            metadata: {name: tiny}
            spec:
              nodes:
                - {id: gen, type: datagen-source, generator: nexmark, nexmark: {stream: bid}, rate: 10}
                - {id: out, type: file-sink, inputs: [gen], path: target/out}
            """;

    @Test
    void aValidSpecHasItsNameAndPlan() {
        CheckedSpec checked = checker.check(VALID, null);
        assertThat(checked.errors()).isEmpty();
        assertThat(checked.valid()).isTrue();
        assertThat(checked.name()).isEqualTo("tiny");
        assertThat(checked.format()).isEqualTo(Format.YAML);
        assertThat(checked.plan()).isPresent();
        assertThat(checked.hash()).hasSize(64).isEqualTo(SpecHash.of(VALID));
    }

    @Test
    void errorsAreLocatedByPointerLineAndColumn() {
        String broken = VALID.replace("file-sink", "no-such-sink");
        CheckedSpec checked = checker.check(broken, Format.YAML);
        assertThat(checked.valid()).isFalse();
        assertThat(checked.errors()).anySatisfy(e -> {
            assertThat(e.path()).isEqualTo("/spec/nodes/1/type");
            assertThat(e.line()).isEqualTo(7);
            assertThat(e.column()).isGreaterThan(1);
            assertThat(e.message()).contains("no-such-sink");
        });
        assertThatThrownBy(() -> checker.requireValid(broken, Format.YAML)).isInstanceOfSatisfying(ApiProblem.class,
                p -> {
                    assertThat(p.status()).isEqualTo(400);
                    assertThat(p.slug()).isEqualTo("invalid-spec");
                    assertThat(p.errors()).anySatisfy(f -> {
                        assertThat(f.field()).isEqualTo("spec.nodes[1].type");
                        assertThat(f.line()).isEqualTo(7);
                    });
                });
    }

    @Test
    void emptyAndJsonTexts() {
        assertThat(checker.check("  ", null).errors()).singleElement()
                .satisfies(e -> assertThat(e.code()).isEqualTo("empty-value"));
        assertThat(checker.check("{\"apiVersion\": 1}", null).format()).isEqualTo(Format.JSON);
        assertThat(checker.check("x".repeat(SpecChecker.MAX_SPEC_CHARS + 1), null).errors()).singleElement()
                .satisfies(e -> assertThat(e.code()).isEqualTo("too-large"));
    }

    @Test
    void pointersBecomeFieldPaths() {
        assertThat(SpecChecker.fieldOf("/spec/nodes/2/expression")).isEqualTo("spec.nodes[2].expression");
        assertThat(SpecChecker.fieldOf("/metadata/a~1b")).isEqualTo("metadata.a/b");
        assertThat(SpecChecker.fieldOf("")).isNull();
    }
}
