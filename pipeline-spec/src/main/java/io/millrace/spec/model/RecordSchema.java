package io.millrace.spec.model;

import io.millrace.spec.expr.FieldType;
import io.millrace.spec.expr.RecordType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The fields a source declares for its records; expressions downstream are checked against them. */
public record RecordSchema(List<Field> fields) {

  public RecordSchema {
    fields = List.copyOf(fields);
  }

  public record Field(String name, FieldType type) {}

  public RecordType toRecordType() {
    Map<String, FieldType> types = new LinkedHashMap<>();
    fields.forEach(f -> types.put(f.name(), f.type()));
    return RecordType.of(types);
  }
}
