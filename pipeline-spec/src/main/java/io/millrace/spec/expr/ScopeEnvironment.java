package io.millrace.spec.expr;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelBuilder;
import dev.cel.common.types.CelType;
import dev.cel.common.types.CelTypeProvider;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.StructType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Declares an {@link ExpressionScope}'s variables to CEL.
 *
 * <p>A record that declares fields becomes a CEL struct type named {@code record(<variable>)}
 * (one shared type, {@code record(<a>, <b>)}, for variables of the same record type):
 * the checker then rejects undeclared fields and checks each field's type, and the interpreter
 * dispatches to one statically chosen overload. A dynamic record is {@code dyn}: any field
 * access type-checks and is looked up at run time.
 */
final class ScopeEnvironment {

  private ScopeEnvironment() {}

  static Cel extend(Cel base, ExpressionScope scope) {
    CelBuilder builder = base.toCelBuilder();
    Map<RecordType, CelType> shared = sharedStructs(scope);
    Map<String, CelType> structs = new LinkedHashMap<>();
    scope.variables().forEach((name, variable) -> {
      CelType type = variable instanceof ExpressionScope.Variable.Record record && shared.containsKey(record.type())
          ? shared.get(record.type())
          : celType(name, variable);
      if (type instanceof StructType) {
        structs.put(type.name(), type);
      }
      builder.addVar(name, type);
    });
    if (!structs.isEmpty()) {
      builder.setTypeProvider(new RecordTypes(structs));
    }
    return builder.build();
  }

  /**
   * One struct type per distinct declared record type: variables of the same record type (acc and
   * value in a reduce, left and right of a self-join) share it, so {@code cond ? acc : value}
   * type-checks. Named after all its variables, e.g. {@code record(acc, value)}.
   */
  private static Map<RecordType, CelType> sharedStructs(ExpressionScope scope) {
    Map<RecordType, java.util.List<String>> names = new LinkedHashMap<>();
    scope.variables().forEach((name, variable) -> {
      if (variable instanceof ExpressionScope.Variable.Record record && !record.type().dynamic()) {
        names.computeIfAbsent(record.type(), t -> new java.util.ArrayList<>()).add(name);
      }
    });
    Map<RecordType, CelType> structs = new LinkedHashMap<>();
    names.forEach((type, variables) -> structs.put(type, struct(String.join(", ", variables), type)));
    return structs;
  }

  static String structName(String variable) {
    return "record(" + variable + ")";
  }

  static CelType celType(String name, ExpressionScope.Variable variable) {
    if (variable instanceof ExpressionScope.Variable.Scalar scalar) {
      return celType(scalar.type());
    }
    RecordType record = ((ExpressionScope.Variable.Record) variable).type();
    if (record.dynamic()) {
      return SimpleType.DYN;
    }
    return struct(name, record);
  }

  private static CelType struct(String variables, RecordType record) {
    Map<String, CelType> fields = new LinkedHashMap<>();
    record.fields().forEach((field, type) -> fields.put(field, celType(type)));
    return StructType.create(
        structName(variables),
        ImmutableSet.copyOf(fields.keySet()),
        field -> Optional.ofNullable(fields.get(field)));
  }

  static CelType celType(FieldType type) {
    return switch (type) {
      case STRING -> SimpleType.STRING;
      case INT -> SimpleType.INT;
      case DOUBLE -> SimpleType.DOUBLE;
      case BOOL -> SimpleType.BOOL;
      case BYTES -> SimpleType.BYTES;
      case TIMESTAMP -> SimpleType.TIMESTAMP;
      case DURATION -> SimpleType.DURATION;
      case LIST -> ListType.create(SimpleType.DYN);
      case MAP -> MapType.create(SimpleType.STRING, SimpleType.DYN);
      case ANY -> SimpleType.DYN;
    };
  }

  /** Makes the scope's record types known to the checker by name. */
  private static final class RecordTypes implements CelTypeProvider {
    private final Map<String, CelType> byName;

    RecordTypes(Map<String, CelType> byName) {
      this.byName = Map.copyOf(byName);
    }

    @Override
    public ImmutableList<CelType> types() {
      return ImmutableList.copyOf(byName.values());
    }

    @Override
    public Optional<CelType> findType(String typeName) {
      return Optional.ofNullable(byName.get(typeName));
    }
  }
}
