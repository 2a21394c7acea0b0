package io.millrace.spec.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.spec.parse.Format;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every spec in {@code src/test/resources/broken/} must produce exactly the errors its sibling
 * {@code .expect} file lists: code, pointer, line:column and message, tab-separated, one per line.
 */
class BrokenCorpusTest {

  private static final PipelineValidator VALIDATOR = PipelineValidator.standard();

  record Expected(String code, String pointer, int line, int column, String message) {}

  static List<Expected> expectations(Path spec) {
    Path expect = Path.of(spec.toString().replaceAll("\\.(yaml|json)$", ".expect"));
    List<Expected> list = new ArrayList<>();
    for (String line : SpecFiles.read(expect).split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\t", -1);
      String[] position = parts[2].split(":");
      list.add(new Expected(parts[0], parts[1], Integer.parseInt(position[0]), Integer.parseInt(position[1]), parts[3]));
    }
    return list;
  }

  @Test
  void theCorpusIsLargeAndHasMultiErrorCases() {
    List<Path> cases = SpecFiles.broken();
    assertThat(cases).hasSizeGreaterThanOrEqualTo(40);
    assertThat(cases.stream().filter(p -> p.toString().endsWith(".json"))).hasSizeGreaterThanOrEqualTo(3);
    assertThat(cases.stream().filter(p -> expectations(p).size() >= 4)).hasSizeGreaterThanOrEqualTo(2);
    assertThat(cases).allSatisfy(p -> assertThat(expectations(p)).as(p.toString()).isNotEmpty());
  }

  @TestFactory
  List<DynamicTest> eachBrokenSpecReportsExactlyItsExpectedErrors() {
    return SpecFiles.broken().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
      ValidationResult result = VALIDATOR.validate(SpecFiles.read(file), Format.fromFileName(file.toString()));
      List<Expected> actual = result.errors().stream()
          .map(d -> new Expected(d.code(), d.pointer(), d.line(), d.column(), d.message())).toList();
      assertThat(actual).as(PipelineValidator.format(file.toString(), result.diagnostics()))
          .containsExactlyElementsOf(expectations(file));
      assertThat(result.isValid()).isFalse();
      assertThat(result.pipeline()).isEmpty();
      assertThat(result.errors()).allSatisfy(d -> assertThat(d.hint()).isNotBlank());
    })).toList();
  }
}
