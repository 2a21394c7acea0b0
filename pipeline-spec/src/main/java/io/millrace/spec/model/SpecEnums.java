package io.millrace.spec.model;

import java.util.Locale;

/** Maps spec words ({@code exactly-once}) to enum constants ({@code EXACTLY_ONCE}) and back. */
final class SpecEnums {

  private SpecEnums() {}

  static <E extends Enum<E>> E of(Class<E> type, String word) {
    return Enum.valueOf(type, word.toUpperCase(Locale.ROOT).replace('-', '_'));
  }

  static String word(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
