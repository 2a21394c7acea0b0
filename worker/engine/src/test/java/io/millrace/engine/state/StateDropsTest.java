package io.millrace.engine.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StateDropsTest {

  @Test
  void aNamedKeyedStateDropsItselfAndItsNodesTimersButNotItsOperatorState() {
    StateDrops drops = StateDrops.of(new DroppedState("counts", "slice-accumulators"));
    assertThat(drops.dropsKeyedState("counts", "slice-accumulators")).isTrue();
    assertThat(drops.dropsKeyedState("counts", "other")).isFalse();
    assertThat(drops.dropsKeyedState("elsewhere", "slice-accumulators")).isFalse();
    assertThat(drops.dropsTimersOf("counts")).isTrue();
    assertThat(drops.dropsTimersOf("elsewhere")).isFalse();
    assertThat(drops.dropsOperatorStateOf("counts")).isFalse();
  }

  @Test
  void anOperatorStateNameDropsOnlyTheNodesOperatorState() {
    StateDrops drops = StateDrops.of(new DroppedState("in", "splits"));
    assertThat(drops.dropsOperatorStateOf("in")).isTrue();
    assertThat(drops.dropsTimersOf("in")).isFalse();
    assertThat(drops.dropsKeyedState("in", "splits")).isFalse();
  }

  @Test
  void aWholeNodeDropsEverythingOfThatNodeOnly() {
    StateDrops drops = StateDrops.of(new DroppedState("unique", null));
    assertThat(drops.entries()).containsExactly(DroppedState.wholeNode("unique"));
    assertThat(drops.dropsKeyedState("unique", "first-seen")).isTrue();
    assertThat(drops.dropsTimersOf("unique")).isTrue();
    assertThat(drops.dropsOperatorStateOf("unique")).isTrue();
    assertThat(drops.dropsOperatorStateOf("counts")).isFalse();
    assertThat(StateDrops.none().dropsTimersOf("unique")).isFalse();
    assertThat(StateDrops.of(java.util.List.of())).isSameAs(StateDrops.none());
  }

  @Test
  void aDroppedStateNeedsANode() {
    assertThatThrownBy(() -> new DroppedState(" ", "count")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs a node id");
  }
}
