package io.millrace.spec.expr;

import java.math.BigInteger;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * Random records for {@link RandomTypedExpressions#SCHEMA}: mostly values of the declared types,
 * biased to edges (extreme ints, NaN, infinities, -0.0, empty and non-ASCII strings), and
 * sometimes a missing field, a null, or a value of another type.
 */
final class RandomRecords {

  private static final long[] INTS = {0, 1, -1, 2, 7, 123, Long.MAX_VALUE, Long.MIN_VALUE,
      Long.MIN_VALUE + 1, 1L << 62, -(1L << 62), 1_000_000};
  private static final double[] DOUBLES = {0.0, -0.0, 1.5, -2.5, Double.NaN, Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY, 1e308, Double.MIN_VALUE, 0x1p63, -0x1p63, 9.223372036854775E18, 100.0, 7.0};
  private static final String[] STRINGS = {"", "a", "abc", "ABC", "Äpfel", "\uD83D\uDE00", "\uE000",
      "aé", "ab c", "Hello World"};

  private final Random random;

  RandomRecords(long seed) {
    this.random = new Random(seed);
  }

  Map<String, Object> next() {
    Map<String, Object> record = new HashMap<>();
    for (var field : RandomTypedExpressions.SCHEMA.entrySet()) {
      int roll = random.nextInt(100);
      if (roll < 4) {
        continue; // missing
      }
      if (roll < 7) {
        record.put(field.getKey(), null);
      } else if (roll < 10) {
        record.put(field.getKey(), otherValue());
      } else {
        record.put(field.getKey(), valueOf(field.getValue()));
      }
    }
    return record;
  }

  Object key() {
    return switch (random.nextInt(7)) {
      case 0 -> null;
      case 1 -> "k";
      case 2 -> INTS[random.nextInt(INTS.length)];
      case 3 -> DOUBLES[random.nextInt(DOUBLES.length)];
      case 4 -> random.nextBoolean();
      case 5 -> new byte[] {1, 2};
      default -> STRINGS[random.nextInt(STRINGS.length)];
    };
  }

  long timestamp() {
    return random.nextBoolean() ? 1_700_000_000_000L : random.nextLong(0, 4_000_000_000_000L);
  }

  private Object valueOf(FieldType type) {
    return switch (type) {
      case INT -> random.nextInt(3) == 0 ? random.nextLong() : INTS[random.nextInt(INTS.length)];
      case DOUBLE -> random.nextInt(3) == 0 ? random.nextGaussian() * 1e6 : DOUBLES[random.nextInt(DOUBLES.length)];
      case STRING -> STRINGS[random.nextInt(STRINGS.length)];
      case BOOL -> random.nextBoolean();
      case BYTES -> random.nextBoolean() ? new byte[0] : new byte[] {(byte) random.nextInt(256), 'b'};
      case TIMESTAMP -> Instant.ofEpochMilli(random.nextBoolean() ? 1_700_000_000_000L : random.nextLong(0, 4_000_000_000_000L));
      default -> otherValue();
    };
  }

  /** Any scalar, also of types the schema does not declare for that field (Integer, BigInteger, Float...). */
  private Object otherValue() {
    return switch (random.nextInt(9)) {
      case 0 -> 42;
      case 1 -> BigInteger.TEN.pow(30);
      case 2 -> 1.5f;
      case 3 -> STRINGS[random.nextInt(STRINGS.length)];
      case 4 -> INTS[random.nextInt(INTS.length)];
      case 5 -> DOUBLES[random.nextInt(DOUBLES.length)];
      case 6 -> random.nextBoolean();
      case 7 -> java.util.List.of(1L);
      default -> Instant.EPOCH;
    };
  }
}
