package io.millrace.spec.parse;

import java.util.Locale;

/** The text formats a pipeline spec may be written in. */
public enum Format {
  JSON,
  YAML;

  /** By file name: {@code .json} is JSON, anything else ({@code .yaml}, {@code .yml}) is YAML. */
  public static Format fromFileName(String fileName) {
    return fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".json") ? JSON : YAML;
  }
}
