package io.millrace.spec.parse;

import java.util.HashMap;
import java.util.Map;

/**
 * For every JSON pointer of a parsed document: where its value starts and, for object members,
 * where its key starts. Positions of values that are scalars point at their first character
 * (the opening quote of a quoted string, the {@code |} of a block scalar).
 */
public final class SourceMap {

  private final Map<String, Position> values = new HashMap<>();
  private final Map<String, Position> keys = new HashMap<>();

  void putValue(String pointer, Position position) {
    values.put(pointer, position);
  }

  void putKey(String pointer, Position position) {
    keys.put(pointer, position);
  }

  /** Where the value at {@code pointer} starts; falls back to the nearest ancestor, then the start. */
  public Position valuePosition(String pointer) {
    String p = pointer;
    while (true) {
      Position found = values.get(p);
      if (found != null) {
        return found;
      }
      if (p.isEmpty()) {
        return Position.START;
      }
      p = JsonPointers.parent(p);
    }
  }

  /** Where the key of the member at {@code pointer} starts; the value's position if it has no key. */
  public Position keyPosition(String pointer) {
    Position key = keys.get(pointer);
    return key != null ? key : valuePosition(pointer);
  }

  /** Whether the document has a value at exactly this pointer. */
  public boolean contains(String pointer) {
    return values.containsKey(pointer);
  }
}
