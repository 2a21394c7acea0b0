package io.millrace.spec.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.millrace.spec.catalog.Catalog;
import io.millrace.spec.expr.CelExpressionCompiler;
import io.millrace.spec.expr.CompileResult;
import io.millrace.spec.expr.ExpressionCompiler;
import io.millrace.spec.expr.ExpressionKind;
import io.millrace.spec.expr.ExpressionScope;
import io.millrace.spec.parse.Format;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

/**
 * No input makes the validator throw, report an internal failure, or return an unlocated
 * diagnostic. Seeded, so every run feeds the same documents (change the seed to explore).
 */
class SpecFuzzTest {

  /**
   * Mutations mostly leave expressions intact; compiling each distinct (text, scope, kind) once
   * keeps tens of thousands of documents within seconds. Every distinct expression still goes
   * through the real CEL compiler.
   */
  private static final PipelineValidator VALIDATOR =
      new PipelineValidator(Catalog.load(), new MemoizingCompiler(new CelExpressionCompiler()));
  private static final List<String> YAML_EXAMPLES = SpecFiles.examples().stream().map(SpecFiles::read).toList();
  private static final List<String> JSON_EXAMPLES = YAML_EXAMPLES.stream().map(SpecFuzzTest::toJson).toList();

  record Input(String text, Format format) {}

  /** Compiles each distinct expression once; thread-safe. */
  private static final class MemoizingCompiler implements ExpressionCompiler {
    private record Key(String text, ExpressionScope scope, ExpressionKind kind) {}

    private final ExpressionCompiler delegate;
    private final Map<Key, CompileResult> results = new ConcurrentHashMap<>();

    MemoizingCompiler(ExpressionCompiler delegate) {
      this.delegate = delegate;
    }

    @Override
    public CompileResult compile(String expression, ExpressionScope scope, ExpressionKind kind) {
      return results.computeIfAbsent(new Key(expression, scope, kind), k -> delegate.compile(expression, scope, kind));
    }
  }

  private static String toJson(String yaml) {
    try {
      return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(new YAMLMapper().readTree(yaml));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void assertHandled(Input input) {
    ValidationResult result = VALIDATOR.validate(input.text(), input.format());
    assertThat(result).isNotNull();
    assertThat(result.diagnostics()).noneMatch(d -> d.code().equals("internal"));
    assertThat(result.diagnostics()).allSatisfy(d -> {
      assertThat(d.line()).isPositive();
      assertThat(d.column()).isPositive();
      assertThat(d.message()).isNotBlank();
      assertThat(d.pointer()).isNotNull();
    });
    assertThat(result.pipeline().isPresent()).isEqualTo(result.isValid());
  }

  @Property(tries = 24000, seed = "8412337", shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE,
      generation = GenerationMode.RANDOMIZED)
  void mutatedExamplesNeverBreakTheValidator(@ForAll("mutatedExamples") Input input) {
    assertHandled(input);
  }

  @Property(tries = 6000, seed = "8412338", shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE,
      generation = GenerationMode.RANDOMIZED)
  void randomTextAndDocumentsNeverBreakTheValidator(@ForAll("randomInputs") Input input) {
    assertHandled(input);
  }

  @Property(tries = 600, seed = "8412339", shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE,
      generation = GenerationMode.RANDOMIZED)
  void deepNestingNeverBreaksTheValidator(@ForAll("deeplyNested") Input input) {
    assertHandled(input);
  }

  @Provide
  Arbitrary<Input> mutatedExamples() {
    return Arbitraries.randomValue(random -> {
      SpecMutator mutator = new SpecMutator(random);
      boolean json = random.nextInt(4) == 0;
      List<String> pool = json ? JSON_EXAMPLES : YAML_EXAMPLES;
      return new Input(mutator.mutate(pool.get(random.nextInt(pool.size()))), json ? Format.JSON : Format.YAML);
    });
  }

  @Provide
  Arbitrary<Input> randomInputs() {
    return Arbitraries.randomValue(random -> {
      SpecMutator mutator = new SpecMutator(random);
      Format format = random.nextBoolean() ? Format.JSON : Format.YAML;
      return new Input(random.nextBoolean() ? mutator.randomText() : mutator.randomJsonDocument(), format);
    });
  }

  @Provide
  Arbitrary<Input> deeplyNested() {
    return Arbitraries.randomValue(random -> new Input(new SpecMutator(random).deepNesting(),
        random.nextBoolean() ? Format.JSON : Format.YAML));
  }
}
