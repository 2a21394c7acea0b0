package io.millrace.spec.expr;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What an expression may assume about the {@code value} it reads.
 *
 * <p>A record type is either dynamic (schemaless: any field access type-checks and is resolved at
 * run time) or declares its fields, in which case an access to an undeclared field or a misuse of
 * a field's type is a compile error located inside the expression.
 */
public record RecordType(boolean dynamic, Map<String, FieldType> fields) {

  public RecordType {
    Objects.requireNonNull(fields, "fields");
    // Unmodifiable but ordered, so hints and docs list fields in declaration order.
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /** A schemaless record: fields are looked up at run time. */
  public static RecordType dynamicRecord() {
    return new RecordType(true, Map.of());
  }

  /** A record whose fields are declared; order of the map is kept for display only. */
  public static RecordType of(Map<String, FieldType> fields) {
    return new RecordType(false, fields);
  }
}
