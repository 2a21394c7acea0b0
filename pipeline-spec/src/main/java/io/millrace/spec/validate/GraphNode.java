package io.millrace.spec.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.millrace.spec.catalog.Catalog;
import io.millrace.spec.catalog.NodeKindDescriptor;
import io.millrace.spec.model.InputRef;
import io.millrace.spec.parse.JsonPointers;
import java.util.ArrayList;
import java.util.List;

/**
 * What the graph checks need from one node of the document, read leniently: the id, the kind (null
 * when unknown) and the well-formed input references, even when other settings are broken.
 */
record GraphNode(int index, String pointer, JsonNode json, String id, NodeKindDescriptor kind, List<Input> inputs) {

  /** One entry of {@code inputs}, with where it is written. */
  record Input(InputRef ref, String pointer) {}

  static List<GraphNode> read(JsonNode root, Catalog catalog) {
    List<GraphNode> nodes = new ArrayList<>();
    JsonNode list = root.path("spec").path("nodes");
    if (!list.isArray()) {
      return nodes;
    }
    for (int i = 0; i < list.size(); i++) {
      JsonNode node = list.get(i);
      String pointer = JsonPointers.child("/spec/nodes", i);
      String id = JsonText.text(node, "id");
      NodeKindDescriptor kind = catalog.kind(JsonText.text(node, "type")).orElse(null);
      List<Input> inputs = new ArrayList<>();
      JsonNode refs = node.path("inputs");
      if (refs.isArray()) {
        for (int j = 0; j < refs.size(); j++) {
          if (refs.get(j).isTextual() && !refs.get(j).textValue().isEmpty()) {
            inputs.add(new Input(InputRef.parse(refs.get(j).textValue()), JsonPointers.child(pointer + "/inputs", j)));
          }
        }
      }
      nodes.add(new GraphNode(i, pointer, node, id, kind, inputs));
    }
    return nodes;
  }

  String label() {
    String type = kind == null ? JsonText.text(json, "type") : kind.name();
    return (id == null ? "node " + (index + 1) : "'" + id + "'") + (type == null ? "" : " (" + type + ")");
  }
}
