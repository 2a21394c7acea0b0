package io.millrace.spec.validate;

/** How bad a diagnostic is: only errors make a spec invalid. */
public enum Severity {
  ERROR,
  WARNING,
  INFO
}
