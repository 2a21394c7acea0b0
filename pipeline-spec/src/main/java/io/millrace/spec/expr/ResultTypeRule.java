package io.millrace.spec.expr;

import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;
import dev.cel.common.types.CelTypes;
import dev.cel.common.types.ListType;
import java.util.Optional;
import java.util.Set;

/**
 * The result type each {@link ExpressionKind} requires, checked at compile time when the type is
 * known; a {@code dyn} result passes here and is checked per record at run time instead.
 */
final class ResultTypeRule {

  private static final Set<CelKind> KEY_KINDS =
      Set.of(CelKind.STRING, CelKind.INT, CelKind.UINT, CelKind.BOOL, CelKind.BYTES, CelKind.DYN);

  private ResultTypeRule() {}

  /** A message and hint when {@code type} cannot be a result of {@code kind}, else empty. */
  static Optional<String[]> violation(ExpressionKind kind, CelType type) {
    if (type.kind() == CelKind.DYN || type.kind() == CelKind.ANY) {
      return Optional.empty();
    }
    String found = describe(type);
    return switch (kind) {
      case VALUE -> Optional.empty();
      case PREDICATE -> type.kind() == CelKind.BOOL
          ? Optional.empty()
          : Optional.of(new String[] {
              "a filter must yield a bool, but this expression yields " + found,
              "compare with == (or <, >, !=), or use has(value.field) to test presence"});
      case LIST -> type.kind() == CelKind.LIST
          ? Optional.empty()
          : Optional.of(new String[] {
              "a flat-map expression must yield a list, but this expression yields " + found,
              "return a list, e.g. value.text.split(' ') or [value] for a single record"});
      case KEY -> isKey(type)
          ? Optional.empty()
          : Optional.of(new String[] {
              "a key must be a string, int, uint, bool, bytes or a list of these, but this"
                  + " expression yields " + found,
              "key by a field (value.userId), convert with string(...), or list several"
                  + " fields: [value.a, value.b]"});
      case TIMESTAMP -> type.kind() == CelKind.TIMESTAMP || type.kind() == CelKind.INT
          ? Optional.empty()
          : Optional.of(new String[] {
              "a timestamp expression must yield a timestamp or epoch milliseconds (int), but"
                  + " this expression yields " + found,
              "use timestamp(value.time) for an RFC 3339 string or fromEpochMillis(value.ms)"});
    };
  }

  private static boolean isKey(CelType type) {
    if (type.kind() == CelKind.LIST) {
      ListType list = (ListType) type;
      return !list.hasElemType() || KEY_KINDS.contains(list.elemType().kind());
    }
    return KEY_KINDS.contains(type.kind());
  }

  static String describe(CelType type) {
    return switch (type.kind()) {
      case TIMESTAMP -> "timestamp";
      case DURATION -> "duration";
      default -> CelTypes.format(type);
    };
  }
}
