package io.millrace.spec.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random CEL expressions of a requested type over {@link #SCHEMA}-typed records, within (and at
 * the edges of) the fast path's subset. Seeded: the same seed gives the same expressions.
 */
final class RandomTypedExpressions {

  /** The typed record every expression reads: two fields per scalar type, plus an `any` field. */
  static final java.util.Map<String, FieldType> SCHEMA = schema();

  enum Type { BOOL, INT, DOUBLE, STRING, BYTES, TIMESTAMP, DYN }

  private static final String[] INTS = {"0", "1", "-1", "2", "7", "123", "9223372036854775807",
      "-9223372036854775807", "4611686018427387904", "1000000"};
  private static final String[] DOUBLES = {"0.0", "-0.0", "1.5", "-2.5", "1e308", "1e-300",
      "9.223372036854776e18", "-9.223372036854776e18", "100.0", "0.1"};
  private static final String[] STRINGS = {"''", "'a'", "'abc'", "'ABC'", "'Äpfel'", "'\\U0001F600'",
      "'\\uE000'", "'a\\u00e9'", "'ab c'"};
  private static final String[] BYTES = {"b''", "b'a'", "b'\\xff'", "b'ab'"};

  private final Random random;

  RandomTypedExpressions(long seed) {
    this.random = new Random(seed);
  }

  private static java.util.Map<String, FieldType> schema() {
    java.util.Map<String, FieldType> fields = new java.util.LinkedHashMap<>();
    fields.put("i1", FieldType.INT);
    fields.put("i2", FieldType.INT);
    fields.put("d1", FieldType.DOUBLE);
    fields.put("d2", FieldType.DOUBLE);
    fields.put("s1", FieldType.STRING);
    fields.put("s2", FieldType.STRING);
    fields.put("b1", FieldType.BOOL);
    fields.put("b2", FieldType.BOOL);
    fields.put("y1", FieldType.BYTES);
    fields.put("t1", FieldType.TIMESTAMP);
    fields.put("t2", FieldType.TIMESTAMP);
    fields.put("a1", FieldType.ANY);
    return java.util.Collections.unmodifiableMap(fields);
  }

  String of(Type type, int depth) {
    return switch (type) {
      case BOOL -> bool(depth);
      case INT -> integer(depth);
      case DOUBLE -> dbl(depth);
      case STRING -> string(depth);
      case BYTES -> pick("value.y1", pick(BYTES));
      case TIMESTAMP -> pick("value.t1", "value.t2", "timestamp");
      case DYN -> pick("key", "value.a1");
    };
  }

  String bool(int depth) {
    if (depth <= 0 || random.nextInt(6) == 0) {
      return pick("true", "false", "value.b1", "value.b2", "has(value." + field() + ")");
    }
    int d = depth - 1;
    return switch (random.nextInt(12)) {
      case 0 -> "(" + bool(d) + " && " + bool(d) + ")";
      case 1 -> "(" + bool(d) + " || " + bool(d) + ")";
      case 2 -> "!" + paren(bool(d));
      case 3 -> "(" + bool(d) + " ? " + bool(d) + " : " + bool(d) + ")";
      case 4, 5 -> ordering(d);
      case 6, 7 -> equality(d);
      case 8 -> membership(d);
      case 9 -> paren(string(d)) + pick(".contains(", ".startsWith(", ".endsWith(") + string(d) + ")";
      case 10 -> "(" + bool(d) + pick(" == ", " != ", " < ", " >= ") + bool(d) + ")";
      default -> "(" + of(Type.BYTES, d) + pick(" < ", " == ", " >= ") + of(Type.BYTES, d) + ")";
    };
  }

  private String ordering(int d) {
    String op = pick(" < ", " <= ", " > ", " >= ");
    return switch (random.nextInt(6)) {
      case 0 -> "(" + integer(d) + op + integer(d) + ")";
      case 1 -> "(" + dbl(d) + op + dbl(d) + ")";
      case 2 -> "(" + integer(d) + op + dbl(d) + ")";
      case 3 -> "(" + dbl(d) + op + integer(d) + ")";
      case 4 -> "(" + string(d) + op + string(d) + ")";
      default -> "(" + of(Type.TIMESTAMP, d) + op + of(Type.TIMESTAMP, d) + ")";
    };
  }

  private String equality(int d) {
    String op = pick(" == ", " != ");
    return switch (random.nextInt(7)) {
      case 0 -> "(" + integer(d) + op + integer(d) + ")";
      case 1 -> "(" + dbl(d) + op + dbl(d) + ")";
      case 2 -> "(" + pick("value.d1", "value.d2") + op + pick("value.d1", "value.d2") + ")";
      case 3 -> "(" + string(d) + op + string(d) + ")";
      case 4 -> "(" + of(Type.DYN, d) + op + of(pick(Type.values()), d) + ")";
      case 5 -> "(" + of(pick(Type.INT, Type.STRING, Type.DYN, Type.DOUBLE), d) + op + "null)";
      default -> "(" + of(Type.TIMESTAMP, d) + op + of(Type.TIMESTAMP, d) + ")";
    };
  }

  private String membership(int d) {
    Type type = pick(Type.INT, Type.DOUBLE, Type.STRING, Type.BOOL, Type.BYTES, Type.TIMESTAMP);
    List<String> elements = new ArrayList<>();
    int n = random.nextInt(4);
    for (int i = 0; i < n; i++) {
      elements.add(of(type, d - 1));
    }
    return "(" + of(type, d) + " in [" + String.join(", ", elements) + "])";
  }

  String integer(int depth) {
    if (depth <= 0 || random.nextInt(5) == 0) {
      return pick("value.i1", "value.i2", "value.i1", pick(INTS));
    }
    int d = depth - 1;
    return switch (random.nextInt(9)) {
      case 0, 1 -> "(" + integer(d) + pick(" + ", " - ", " * ") + integer(d) + ")";
      case 2 -> "(" + integer(d) + pick(" / ", " % ") + integer(d) + ")";
      case 3 -> "-" + paren(integer(d));
      case 4 -> "int(" + dbl(d) + ")";
      case 5 -> "size(" + string(d) + ")";
      case 6 -> paren(string(d)) + ".size()";
      case 7 -> "(" + bool(d) + " ? " + integer(d) + " : " + integer(d) + ")";
      default -> "int(" + integer(d) + ")";
    };
  }

  String dbl(int depth) {
    if (depth <= 0 || random.nextInt(5) == 0) {
      return pick("value.d1", "value.d2", "value.d1", pick(DOUBLES));
    }
    int d = depth - 1;
    return switch (random.nextInt(6)) {
      case 0, 1 -> "(" + dbl(d) + pick(" + ", " - ", " * ", " / ") + dbl(d) + ")";
      case 2 -> "-" + paren(dbl(d));
      case 3 -> "double(" + integer(d) + ")";
      case 4 -> "(" + bool(d) + " ? " + dbl(d) + " : " + dbl(d) + ")";
      default -> "double(" + dbl(d) + ")";
    };
  }

  String string(int depth) {
    if (depth <= 0 || random.nextInt(4) == 0) {
      return pick("value.s1", "value.s2", pick(STRINGS));
    }
    int d = depth - 1;
    return switch (random.nextInt(6)) {
      case 0 -> "(" + string(d) + " + " + string(d) + ")";
      case 1 -> paren(string(d)) + pick(".lowerAscii()", ".upperAscii()");
      case 2 -> "string(" + pick(integer(d), dbl(d), string(d)) + ")";
      case 3 -> "(" + bool(d) + " ? " + string(d) + " : " + string(d) + ")";
      default -> pick("value.s1", "value.s2");
    };
  }

  /** A map literal like a map node builds: constant keys, scalar values. */
  String mapLiteral(int depth) {
    int n = 1 + random.nextInt(4);
    List<String> entries = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      entries.add("'k" + i + "': " + of(pick(Type.values()), depth));
    }
    return "{" + String.join(", ", entries) + "}";
  }

  private String field() {
    return pick(SCHEMA.keySet().toArray(String[]::new));
  }

  private static String paren(String expression) {
    return "(" + expression + ")";
  }

  @SafeVarargs
  private <T> T pick(T... options) {
    return options[random.nextInt(options.length)];
  }
}
