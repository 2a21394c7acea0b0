package io.millrace.spec.validate;

import io.millrace.spec.catalog.Catalog;
import io.millrace.spec.catalog.DocumentShape;
import io.millrace.spec.catalog.NodeKindDescriptor;
import io.millrace.spec.catalog.SettingType.ObjectType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * What the shape check derives from the (immutable) catalog, built once per validator instead of
 * once per document: the document shape, each kind's full node shape, compiled patterns.
 */
final class ShapeCache {

  private final ObjectType document = DocumentShape.document();
  private final Map<String, ObjectType> nodeShapes = new ConcurrentHashMap<>();
  private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();
  private final Catalog catalog;

  ShapeCache(Catalog catalog) {
    this.catalog = catalog;
  }

  ObjectType document() {
    return document;
  }

  ObjectType nodeShape(NodeKindDescriptor kind) {
    return nodeShapes.computeIfAbsent(kind.name(), k -> catalog.nodeShape(kind));
  }

  /** Patterns come from the catalog only (a bounded set), never from the document. */
  Pattern pattern(String regex) {
    return patterns.computeIfAbsent(regex, Pattern::compile);
  }
}
