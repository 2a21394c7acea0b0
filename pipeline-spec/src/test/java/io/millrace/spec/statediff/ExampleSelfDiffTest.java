package io.millrace.spec.statediff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every spec example diffed against itself (parsed twice) changes nothing. */
class ExampleSelfDiffTest {

  private static final StateDiffer DIFFER = StateDiffer.standard();

  static List<Path> examples() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("examples"))) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  @TestFactory
  List<DynamicTest> everyExampleAgainstItselfIsOnlyKeptOrStateless() throws IOException {
    List<Path> examples = examples();
    assertThat(examples).hasSizeGreaterThanOrEqualTo(15);
    return examples.stream().map(file -> DynamicTest.dynamicTest(file.toString(), () -> {
      String text = Files.readString(file);
      StateDiff diff = DIFFER.diff(Specs.valid(text), Specs.valid(text));
      assertThat(diff.nodes()).allSatisfy(n -> assertThat(n.change()).as(n.nodeId() + ": " + n.reason())
          .isIn(Change.KEPT, Change.STATELESS));
      assertThat(diff.dropsState()).isFalse();
      int nodes = Specs.valid(text).spec().nodes().size();
      assertThat(diff.nodes()).hasSize(nodes);
      // Every example has a source, and sources keep their read positions.
      assertThat(diff.nodes()).anyMatch(n -> n.change() == Change.KEPT);
    })).toList();
  }
}
