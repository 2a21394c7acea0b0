package io.millrace.spec.expr.fast;

import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;

/**
 * The static types the fast path evaluates, from the checker's type of each node. Everything else
 * (uint, duration, lists and maps other than literals, structs, types, optionals) is unsupported.
 */
enum FastType {
  BOOL,
  INT,
  DOUBLE,
  STRING,
  BYTES,
  NULL,
  TIMESTAMP,
  /** A value whose type is known only at run time ({@code key}, {@code any} fields). */
  DYN,
  /** A list literal: only as the right operand of {@code in}. */
  LIST,
  /** A map literal with constant string keys: only as the whole expression. */
  MAP,
  UNSUPPORTED;

  static FastType of(CelType type) {
    return switch (type.kind()) {
      case BOOL -> BOOL;
      case INT -> INT;
      case DOUBLE -> DOUBLE;
      case STRING -> STRING;
      case BYTES -> BYTES;
      case NULL_TYPE -> NULL;
      case TIMESTAMP -> TIMESTAMP;
      case DYN -> DYN;
      case LIST -> LIST;
      case MAP -> MAP;
      default -> UNSUPPORTED;
    };
  }

  /** The element type of a list type, or UNSUPPORTED. */
  static FastType elementOf(CelType type) {
    if (type.kind() != CelKind.LIST || !(type instanceof ListType list) || !list.hasElemType()) {
      return UNSUPPORTED;
    }
    return of(list.elemType());
  }

  /** A scalar every node of the subset can hold. */
  boolean isScalar() {
    return this != LIST && this != MAP && this != UNSUPPORTED;
  }
}
