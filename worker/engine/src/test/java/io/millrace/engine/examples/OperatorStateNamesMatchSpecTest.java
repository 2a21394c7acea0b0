package io.millrace.engine.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.engine.state.StateDrops;
import io.millrace.spec.model.PipelineSpec;
import io.millrace.spec.parse.Format;
import io.millrace.spec.statediff.DeclaredState;
import io.millrace.spec.statediff.StateDiffer;
import io.millrace.spec.statediff.StateScope;
import io.millrace.spec.validate.PipelineValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A named drop is operator state exactly when its name is in {@link StateDrops#OPERATOR_STATE_NAMES}:
 * that set must be the operator-scope names pipeline-spec's state model declares (for every example and
 * the extra stateful shapes), and no built-in keyed state may carry one of those names.
 */
class OperatorStateNamesMatchSpecTest {

  @Test
  void operatorStateNamesAreExactlyTheOnesTheStateModelDeclares() throws Exception {
    List<String> specs = new ArrayList<>(DeclaredStatesMatchSnapshotsTest.EXTRA.values());
    try (Stream<Path> files = Files.walk(DeclaredStatesMatchSnapshotsTest.EXAMPLES)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
        specs.add(Files.readString(file));
      }
    }
    Set<String> operatorNames = new TreeSet<>();
    Set<String> keyedNames = new TreeSet<>();
    for (String yaml : specs) {
      PipelineSpec pipeline = PipelineValidator.standard().validate(yaml, Format.YAML).pipeline().orElseThrow();
      for (List<DeclaredState> states : StateDiffer.standard().declaredStates(pipeline).values()) {
        for (DeclaredState s : states) {
          (s.scope() == StateScope.OPERATOR ? operatorNames : keyedNames).add(s.name());
        }
      }
    }
    assertThat(operatorNames).isEqualTo(new TreeSet<>(StateDrops.OPERATOR_STATE_NAMES));
    assertThat(keyedNames).isNotEmpty().doesNotContainAnyElementsOf(StateDrops.OPERATOR_STATE_NAMES);
  }
}
