package io.millrace.spec.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.millrace.spec.catalog.BuiltinNodeKinds;
import io.millrace.spec.catalog.DocumentShape;
import io.millrace.spec.model.Durations;
import io.millrace.spec.parse.JsonPointers;
import java.time.Duration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Rules across settings that no single setting type and no schema condition expresses:
 * parallelism within maxParallelism, slide within size, unique aggregate and state names, handler
 * updates of declared state, layout entries of existing nodes.
 */
final class NodeRulesChecker {

  static final Set<String> WINDOW_OUTPUT_FIELDS = Set.of("key", "windowStart", "windowEnd");
  static final Set<String> PROCESS_RESERVED = Set.of("value", "key", "timestamp", "timer");

  private final Diagnostics diagnostics;

  NodeRulesChecker(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  void check(JsonNode root, List<GraphNode> nodes, Set<String> ids) {
    JsonNode spec = root.path("spec");
    long maxParallelism = spec.path("maxParallelism").isIntegralNumber()
        ? spec.path("maxParallelism").asLong() : DocumentShape.DEFAULT_MAX_PARALLELISM;
    checkParallelism(spec.path("parallelism"), "/spec/parallelism", "spec.parallelism", maxParallelism);
    for (GraphNode node : nodes) {
      checkParallelism(node.json().path("parallelism"), node.pointer() + "/parallelism", node.label() + " parallelism", maxParallelism);
      if (node.kind() == null) {
        continue;
      }
      switch (node.kind().name()) {
        case BuiltinNodeKinds.WINDOW_AGGREGATE -> {
          checkWindow(node.json().path("window"), node.pointer() + "/window");
          checkAggregateNames(node);
        }
        case BuiltinNodeKinds.JOIN -> checkWindow(node.json().path("window"), node.pointer() + "/window");
        case BuiltinNodeKinds.PROCESS -> checkProcess(node);
        default -> { }
      }
    }
    checkLayout(root.path("metadata").path("layout"), ids);
  }

  private void checkParallelism(JsonNode value, String pointer, String label, long maxParallelism) {
    if (value.isIntegralNumber() && value.canConvertToLong() && value.asLong() > maxParallelism && value.asLong() <= io.millrace.spec.catalog.SettingTypes.MAX_PARALLELISM) {
      diagnostics.error("parallelism-exceeds-max", pointer,
          label + " is " + value.asLong() + ", above maxParallelism " + maxParallelism,
          "lower it to at most " + maxParallelism + ", or raise spec.maxParallelism (it fixes the number of key groups)");
    }
  }

  private void checkWindow(JsonNode window, String pointer) {
    if (!"sliding".equals(JsonText.text(window, "type"))) {
      return;
    }
    Optional<Duration> size = Durations.parse(JsonText.text(window, "size"));
    Optional<Duration> slide = Durations.parse(JsonText.text(window, "slide"));
    if (size.isPresent() && slide.isPresent() && slide.get().compareTo(size.get()) > 0) {
      diagnostics.error("slide-exceeds-size", pointer + "/slide",
          "slide " + Durations.format(slide.get()) + " is longer than size " + Durations.format(size.get())
              + ": records between windows would be lost",
          "make slide at most " + Durations.format(size.get()) + ", or use a tumbling window");
    }
  }

  private void checkAggregateNames(GraphNode node) {
    JsonNode aggregates = node.json().path("aggregates");
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < aggregates.size(); i++) {
      String name = JsonText.text(aggregates.get(i), "name");
      if (name == null) {
        continue;
      }
      String pointer = node.pointer() + "/aggregates/" + i + "/name";
      if (WINDOW_OUTPUT_FIELDS.contains(name)) {
        diagnostics.error("reserved-name", pointer, "aggregate name '" + name + "' clashes with the window output field of that name",
            "rename it, e.g. '" + name + "Value'");
      } else if (!seen.add(name)) {
        diagnostics.error("duplicate-aggregate", pointer, "duplicate aggregate name '" + name + "' in " + node.label(),
            "each aggregate becomes a field of the output record: give each a unique name");
      }
    }
  }

  private void checkProcess(GraphNode node) {
    JsonNode state = node.json().path("state");
    Set<String> declared = new LinkedHashSet<>();
    for (int i = 0; i < state.size(); i++) {
      String name = JsonText.text(state.get(i), "name");
      if (name == null) {
        continue;
      }
      String pointer = node.pointer() + "/state/" + i + "/name";
      if (PROCESS_RESERVED.contains(name)) {
        diagnostics.error("reserved-name", pointer, "state name '" + name + "' is a built-in variable of process expressions",
            "rename it, e.g. '" + name + "State'");
      } else if (!declared.add(name)) {
        diagnostics.error("duplicate-state", pointer, "duplicate state name '" + name + "' in " + node.label(),
            "state names are unique per node: rename one");
      }
    }
    for (String handler : List.of("onRecord", "onTimer")) {
      JsonNode update = node.json().path(handler).path("update");
      Iterator<String> names = update.isObject() ? update.fieldNames() : java.util.Collections.emptyIterator();
      while (names.hasNext()) {
        String name = names.next();
        if (!declared.contains(name)) {
          diagnostics.errorAtKey("unknown-state", JsonPointers.child(node.pointer() + "/" + handler + "/update", name),
              handler + " updates '" + JsonText.abbreviate(name) + "', which is not declared in state",
              DidYouMean.hint(name, declared, "declare it: state: [{name: " + JsonText.abbreviate(name) + ", kind: value}]"));
        }
      }
    }
  }

  private void checkLayout(JsonNode layout, Set<String> ids) {
    if (!layout.isObject()) {
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = layout.fields(); it.hasNext(); ) {
      String id = it.next().getKey();
      if (!ids.contains(id)) {
        diagnostics.warning("unknown-layout-node", JsonPointers.child("/metadata/layout", id),
            "layout has a position for '" + JsonText.abbreviate(id) + "', which is not a node id", DidYouMean.hint(id, ids, "remove the entry"));
      }
    }
  }
}
