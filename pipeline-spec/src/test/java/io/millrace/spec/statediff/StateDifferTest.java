package io.millrace.spec.statediff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.millrace.spec.model.PipelineSpec;
import org.junit.jupiter.api.Test;

class StateDifferTest {

  private static final StateDiffer DIFFER = StateDiffer.standard();
  private static final PipelineSpec CLICKS = Specs.valid(Specs.CLICKS);

  private static StateDiff diffTo(String edited) {
    return DIFFER.diff(CLICKS, Specs.valid(edited));
  }

  private static NodeStateChange node(StateDiff diff, String id) {
    return diff.node(id).orElseThrow(() -> new AssertionError("no change listed for node " + id + ": " + diff));
  }

  @Test
  void aFilterChangeUpstreamKeepsTheWindowState() {
    StateDiff diff = diffTo(Specs.CLICKS.replace("value.user != ''", "value.user != '' && value.bot == false"));
    assertThat(node(diff, "per-user").change()).isEqualTo(Change.KEPT);
    assertThat(node(diff, "valid").change()).isEqualTo(Change.STATELESS);
    assertThat(node(diff, "clicks").change()).isEqualTo(Change.KEPT);
    assertThat(diff.dropsState()).isFalse();
    assertThat(node(diff, "per-user").before()).extracting(DeclaredState::name)
        .containsExactly("slice-accumulators", "watermark");
  }

  @Test
  void renamingTheWindowNodeDropsTheOldIdsStateAndStartsTheNewOneEmpty() {
    StateDiff diff = diffTo(Specs.CLICKS.replace("id: per-user", "id: clicks-per-user")
        .replace("inputs: [per-user]", "inputs: [clicks-per-user]"));
    NodeStateChange old = node(diff, "per-user");
    NodeStateChange renamed = node(diff, "clicks-per-user");
    assertThat(old.change()).isEqualTo(Change.DROPPED);
    assertThat(old.after()).isEmpty();
    assertThat(old.reason()).contains("is dropped").contains("keep the id 'per-user'");
    assertThat(renamed.change()).isEqualTo(Change.NEW);
    assertThat(renamed.before()).isEmpty();
    assertThat(renamed.reason()).contains("starts empty");
    assertThat(diff.dropsState()).isTrue();
    assertThat(diff.dropped()).extracting(NodeStateChange::nodeId).containsExactly("per-user");
  }

  @Test
  void anotherWindowSizeDropsTheWindowStateAndSaysWhy() {
    NodeStateChange change = node(diffTo(Specs.CLICKS.replace("size: 1m", "size: 5m")), "per-user");
    assertThat(change.change()).isEqualTo(Change.DROPPED);
    assertThat(change.reason()).contains("window changed from tumbling 1m to tumbling 5m")
        .contains("cannot be re-sliced").contains("dropped");
    assertThat(change.before().get(0).fingerprint()).isNotEqualTo(change.after().get(0).fingerprint());
  }

  @Test
  void anotherAggregateListDropsTheWindowState() {
    NodeStateChange change = node(diffTo(Specs.CLICKS.replace("[{name: clicks, fn: count}]",
        "[{name: clicks, fn: count}, {name: spent, fn: sum, field: amount}]")), "per-user");
    assertThat(change.change()).isEqualTo(Change.DROPPED);
    assertThat(change.reason()).contains("aggregates changed from count to count, sum(amount)");
  }

  @Test
  void renamingAnAggregateOutputKeepsTheAccumulators() {
    NodeStateChange change = node(diffTo(Specs.CLICKS.replace("name: clicks, fn: count", "name: n, fn: count")),
        "per-user");
    assertThat(change.change()).isEqualTo(Change.COMPATIBLE);
    assertThat(change.reason()).contains("aggregate names changed from clicks to n").contains("kept");
  }

  @Test
  void anotherKeyDropsTheKeyedState() {
    NodeStateChange change = node(diffTo(Specs.CLICKS.replace("keyBy: \"value.user\"", "keyBy: \"value.country\"")),
        "per-user");
    assertThat(change.change()).isEqualTo(Change.DROPPED);
    assertThat(change.reason()).contains("key changed from value.user to value.country");
  }

  @Test
  void switchingToASessionWindowDropsTheSlicesAndStartsSessionsEmpty() {
    NodeStateChange change = node(diffTo(Specs.CLICKS.replace("{type: tumbling, size: 1m}", "{type: session, gap: 30s}")),
        "per-user");
    assertThat(change.change()).isEqualTo(Change.DROPPED);
    assertThat(change.reason()).contains("window changed from tumbling 1m to session gap 30s")
        .contains("Dropped: slice-accumulators").contains("Starts empty: sessions, session-accumulators");
  }

  @Test
  void latenessAndParallelismChangesAreCompatible() {
    NodeStateChange lateness = node(diffTo(Specs.CLICKS.replace("aggregates: [{name: clicks, fn: count}]",
        "aggregates: [{name: clicks, fn: count}], allowedLateness: 10s")), "per-user");
    assertThat(lateness.change()).isEqualTo(Change.COMPATIBLE);
    assertThat(lateness.reason()).contains("allowedLateness changed from 0s to 10s");

    StateDiff rescaled = diffTo(Specs.CLICKS.replace("parallelism: 2", "parallelism: 3"));
    assertThat(node(rescaled, "per-user").change()).isEqualTo(Change.COMPATIBLE);
    assertThat(node(rescaled, "per-user").reason()).contains("Parallelism changed from 2 to 3");
    assertThat(node(rescaled, "valid").change()).isEqualTo(Change.STATELESS);
    assertThat(rescaled.dropsState()).isFalse();
  }

  @Test
  void anotherMaxParallelismDropsKeyedStateButNotSourcePositions() {
    StateDiff diff = diffTo(Specs.CLICKS.replace("parallelism: 2", "parallelism: 2\n  maxParallelism: 256"));
    assertThat(node(diff, "per-user").change()).isEqualTo(Change.DROPPED);
    assertThat(node(diff, "per-user").reason()).contains("maxParallelism changed from 128 to 256");
    assertThat(node(diff, "clicks").change()).isEqualTo(Change.KEPT);
  }

  @Test
  void addingAStatefulNodeIsNewAndAStatelessOneIsStateless() {
    StateDiff diff = diffTo(Specs.CLICKS
        .replace("inputs: [valid], keyBy", "inputs: [unique], keyBy")
        .replace("  - {id: per-user", "  - {id: unique, type: deduplicate, inputs: [valid], keyBy: \"value.clickId\", ttl: 1h}\n"
            + "    - {id: per-user"));
    NodeStateChange added = node(diff, "unique");
    assertThat(added.change()).isEqualTo(Change.NEW);
    assertThat(added.after()).extracting(DeclaredState::name).containsExactly("first-seen");
    assertThat(node(diff, "per-user").change()).isEqualTo(Change.KEPT);
    assertThat(diff.dropsState()).isFalse();

    StateDiff withMap = diffTo(Specs.CLICKS.replace("inputs: [valid], keyBy", "inputs: [shaped], keyBy")
        .replace("  - {id: per-user", "  - {id: shaped, type: map, inputs: [valid], expression: \"value\"}\n    - {id: per-user"));
    assertThat(node(withMap, "shaped").change()).isEqualTo(Change.STATELESS);
  }

  @Test
  void sourcePositionsAreDroppedWhenItReadsSomethingElseAndKeptOtherwise() {
    StateDiff otherTopic = diffTo(Specs.CLICKS.replace("topic: clicks", "topic: clicks-v2"));
    assertThat(node(otherTopic, "clicks").change()).isEqualTo(Change.DROPPED);
    assertThat(node(otherTopic, "clicks").reason()).contains("topic changed from clicks to clicks-v2");

    StateDiff otherStart = diffTo(Specs.CLICKS.replace("topic: clicks, format: json", "topic: clicks, format: json, startFrom: latest"));
    assertThat(node(otherStart, "clicks").change()).isEqualTo(Change.COMPATIBLE);

    StateDiff otherSinkTopic = diffTo(Specs.CLICKS.replace("topic: per-user", "topic: per-user-v2"));
    assertThat(node(otherSinkTopic, "out").change()).as("pending commits are committed whatever the sink settings")
        .isEqualTo(Change.COMPATIBLE);
  }

  @Test
  void theDiffSerialisesToJsonWithTheRecordComponentNames() throws Exception {
    StateDiff diff = diffTo(Specs.CLICKS.replace("size: 1m", "size: 5m"));
    ObjectMapper json = new ObjectMapper();
    JsonNode tree = json.readTree(json.writeValueAsString(diff));
    JsonNode perUser = tree.get("nodes").get(2);
    assertThat(perUser.get("nodeId").asText()).isEqualTo("per-user");
    assertThat(perUser.get("change").asText()).isEqualTo("DROPPED");
    assertThat(perUser.get("reason").asText()).contains("tumbling 5m");
    JsonNode state = perUser.get("before").get(0);
    assertThat(state.get("name").asText()).isEqualTo("slice-accumulators");
    assertThat(state.get("scope").asText()).isEqualTo("KEYED");
    assertThat(state.get("kind").asText()).isEqualTo("VALUE");
    assertThat(state.get("serializerVersion").asInt()).isEqualTo(1);
    assertThat(state.get("layout").get(1).get("value").asText()).isEqualTo("tumbling 1m");
    assertThat(state.get("fingerprint").asText()).hasSize(16);
  }
}
