package io.millrace.spec.expr;

/** The value types a record field can declare in a source schema; ANY means unchecked (dynamic). */
public enum FieldType {
  STRING,
  INT,
  DOUBLE,
  BOOL,
  BYTES,
  TIMESTAMP,
  DURATION,
  LIST,
  MAP,
  ANY
}
