package io.millrace.spec.model;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Spec byte sizes: a whole number and a unit, {@code 512B}, {@code 64KB}, {@code 1MB}, {@code 2GB} (1 KB = 1024 B). */
public final class Sizes {

  private static final Pattern FORMAT = Pattern.compile("(\\d{1,9})(B|KB|MB|GB)");

  private Sizes() {}

  /** The size in bytes, or empty when the text is not a spec size. */
  public static OptionalLong parse(String text) {
    if (text == null) {
      return OptionalLong.empty();
    }
    Matcher m = FORMAT.matcher(text);
    if (!m.matches()) {
      return OptionalLong.empty();
    }
    long amount = Long.parseLong(m.group(1));
    long unit = switch (m.group(2)) {
      case "KB" -> 1024L;
      case "MB" -> 1024L * 1024;
      case "GB" -> 1024L * 1024 * 1024;
      default -> 1L;
    };
    return OptionalLong.of(amount * unit);
  }
}
