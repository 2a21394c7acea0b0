package io.millrace.spec.expr.fast;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.ast.CelReference;
import dev.cel.common.types.CelType;
import io.millrace.spec.expr.ExpressionKind;
import io.millrace.spec.expr.ExpressionScope;
import io.millrace.spec.expr.FieldType;
import io.millrace.spec.expr.RecordType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Translates a CHECKED CEL expression (types known, overloads resolved) into a fast-path tree, or
 * says it cannot: anything outside the subset keeps the CEL program, decided once per expression.
 *
 * <p>The subset: constants (int, double, string, bool, bytes, null); {@code value.f} for declared
 * fields of type string, int, double, bool, bytes, timestamp or any; {@code has(value.f)};
 * {@code key}; {@code timestamp}; {@code == !=} on those; {@code < <= > >=} with one statically
 * resolved overload (int, double, int/double, string, bool, bytes, timestamp); {@code && || !} and
 * {@code ? :} on bools; int and double arithmetic and negation; string {@code +}; {@code in} a
 * list literal of the needle's type; {@code size}, {@code contains}, {@code startsWith}, {@code
 * endsWith}, {@code lowerAscii}, {@code upperAscii}; {@code int()}, {@code double()}, {@code
 * string()} between int, double and string; a map literal with constant string keys as the whole
 * expression. Every operand must have the exact static type the overload expects (no {@code dyn}
 * operand where CEL would dispatch at run time), except in equality. For a {@code LIST} or {@code
 * VALUE} expression, also a list literal of those scalars and map literals as the whole expression.
 *
 * <p>Scoped mode ({@link #buildScoped}), for the explicit variables of joins, reduce and process:
 * the same subset, where identifiers are the scope's typed scalar variables (int, double, string,
 * bool, bytes, timestamp; {@code key} as dyn) and field reads of its records with declared fields.
 * Other dyn variables and dynamic records keep the CEL program.
 */
public final class FastTreeBuilder {

  private final CelAbstractSyntaxTree ast;
  /** The {@code value} record's type in record mode; null in scoped mode. */
  private final RecordType valueType;
  /** The scope's variables in scoped mode; null in record mode. */
  private final Map<String, ExpressionScope.Variable> variables;
  private final Map<Long, Integer> positions;
  private boolean readsValue;

  private FastTreeBuilder(CelAbstractSyntaxTree ast, RecordType valueType, Map<String, ExpressionScope.Variable> variables) {
    this.ast = ast;
    this.valueType = valueType;
    this.variables = variables;
    this.positions = ast.getSource().getPositionsMap();
  }

  /**
   * The tree for a checked expression of {@code kind} whose variables are {@code value} of {@code
   * valueType}, {@code key} and {@code timestamp} (passed as arguments), if in the subset.
   */
  public static Optional<FastTree> build(CelAbstractSyntaxTree ast, RecordType valueType, ExpressionKind kind) {
    return build(ast, kind, new FastTreeBuilder(ast, valueType, null));
  }

  /**
   * The tree for a checked expression of {@code kind} over explicit {@code variables}, if in the
   * subset; its nodes read the variables map given as their {@code Map} argument.
   */
  public static Optional<FastTree> buildScoped(
      CelAbstractSyntaxTree ast, Map<String, ExpressionScope.Variable> variables, ExpressionKind kind) {
    return build(ast, kind, new FastTreeBuilder(ast, null, Map.copyOf(variables)));
  }

  private static Optional<FastTree> build(CelAbstractSyntaxTree ast, ExpressionKind kind, FastTreeBuilder builder) {
    if (!ast.isChecked()) {
      return Optional.empty();
    }
    try {
      Node node = builder.wholeExpression(ast.getExpr(), kind);
      return Optional.of(new FastTree(node, builder.readsValue));
    } catch (Unsupported e) {
      return Optional.empty();
    }
  }

  private Node wholeExpression(CelExpr root, ExpressionKind kind) {
    return switch (root.getKind()) {
      case MAP -> mapLiteral(root);
      case LIST -> {
        // Only where any list is a valid result; a key, for one, must not hold a map.
        if (kind != ExpressionKind.LIST && kind != ExpressionKind.VALUE) {
          throw unsupported();
        }
        yield listLiteral(root);
      }
      default -> node(root);
    };
  }

  private Node listLiteral(CelExpr expr) {
    if (!expr.list().optionalIndices().isEmpty()) {
      throw unsupported();
    }
    List<Node> elements = new ArrayList<>();
    for (CelExpr element : expr.list().elements()) {
      Node node = element.getKind() == CelExpr.ExprKind.Kind.MAP ? mapLiteral(element) : node(element);
      if (node.type() != FastType.MAP && !node.type().isScalar()) {
        throw unsupported();
      }
      elements.add(node);
    }
    return new ListLiteral(elements);
  }

  /** Thrown inside the builder only: the expression leaves the subset. */
  private static final class Unsupported extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unsupported() {
      super(null, null, false, false);
    }
  }

  private static Unsupported unsupported() {
    return new Unsupported();
  }

  private Node node(CelExpr expr) {
    FastType type = typeOf(expr);
    return switch (expr.getKind()) {
      case CONSTANT -> constant(expr.constant(), type);
      case IDENT -> ident(expr, type);
      case SELECT -> select(expr, type);
      case CALL -> call(expr, type);
      default -> throw unsupported();
    };
  }

  private FastType typeOf(CelExpr expr) {
    Optional<CelType> type = ast.getType(expr.id());
    if (type.isEmpty()) {
      throw unsupported();
    }
    FastType fast = FastType.of(type.get());
    if (fast == FastType.UNSUPPORTED) {
      throw unsupported();
    }
    return fast;
  }

  private int position(CelExpr expr) {
    Integer position = positions.get(expr.id());
    return position == null ? -1 : position;
  }

  private static Node constant(CelConstant constant, FastType type) {
    Object value = switch (constant.getKind()) {
      case NULL_VALUE -> constant.nullValue();
      case BOOLEAN_VALUE -> constant.booleanValue();
      case INT64_VALUE -> constant.int64Value();
      case DOUBLE_VALUE -> constant.doubleValue();
      case STRING_VALUE -> constant.stringValue();
      case BYTES_VALUE -> constant.bytesValue();
      default -> throw unsupported();
    };
    return new Leaves.Constant(type, value);
  }

  private Node ident(CelExpr expr, FastType type) {
    Optional<CelReference> reference = ast.getReference(expr.id());
    if (reference.isPresent() && reference.get().value().isPresent()) {
      throw unsupported(); // an enum constant or the like
    }
    String name = reference.map(CelReference::name).orElse(expr.ident().name());
    if (variables != null) {
      return variable(name, type);
    }
    if (name.equals("key") && type == FastType.DYN) {
      return new Leaves.KeyRead();
    }
    if (name.equals("timestamp") && type == FastType.TIMESTAMP) {
      return new Leaves.TimestampRead();
    }
    throw unsupported(); // `value` as a whole, or a variable of another scope
  }

  /** A scoped-mode identifier: a typed scalar variable of the scope ({@code key} as dyn). */
  private Node variable(String name, FastType type) {
    if (!(variables.get(name) instanceof ExpressionScope.Variable.Scalar scalar)) {
      throw unsupported(); // a record as a whole, or not a variable
    }
    FastType declared = scalar.type() == FieldType.ANY && name.equals(ExpressionScope.KEY)
        ? FastType.DYN
        : fastType(scalar.type());
    if (declared == FastType.DYN && !name.equals(ExpressionScope.KEY)) {
      throw unsupported();
    }
    if (declared != type) {
      throw unsupported();
    }
    return new ScopedLeaves.VariableRead(declared, name);
  }

  private Node select(CelExpr expr, FastType type) {
    if (ast.getReference(expr.id()).isPresent()) {
      throw unsupported(); // a qualified name, not a field selection
    }
    CelExpr operand = expr.select().operand();
    if (operand.getKind() != CelExpr.ExprKind.Kind.IDENT) {
      throw unsupported();
    }
    String name = operand.ident().name();
    if (variables == null) {
      if (!name.equals(ExpressionScope.VALUE) || valueType.dynamic()) {
        throw unsupported();
      }
      readsValue = true;
      return field(valueType, expr, type);
    }
    if (!(variables.get(name) instanceof ExpressionScope.Variable.Record record) || record.type().dynamic()) {
      throw unsupported();
    }
    return new ScopedLeaves.VariableField(name, field(record.type(), expr, type));
  }

  /** {@code r.f} or {@code has(r.f)} for a declared field of {@code record}, read from the record map. */
  private Node field(RecordType record, CelExpr expr, FastType type) {
    String field = expr.select().field();
    FieldType declared = record.fields().get(field);
    if (declared == null) {
      throw unsupported();
    }
    if (expr.select().testOnly()) {
      return new Leaves.HasField(field);
    }
    FastType fieldType = fastType(declared);
    if (fieldType != type) {
      throw unsupported();
    }
    return new Leaves.FieldRead(fieldType, field, position(expr));
  }

  private static FastType fastType(FieldType declared) {
    return switch (declared) {
      case STRING -> FastType.STRING;
      case INT -> FastType.INT;
      case DOUBLE -> FastType.DOUBLE;
      case BOOL -> FastType.BOOL;
      case BYTES -> FastType.BYTES;
      case TIMESTAMP -> FastType.TIMESTAMP;
      case ANY -> FastType.DYN;
      default -> throw unsupported();
    };
  }

  private Node call(CelExpr expr, FastType type) {
    CelReference reference = ast.getReference(expr.id()).orElseThrow(FastTreeBuilder::unsupported);
    if (reference.overloadIds().size() != 1) {
      throw unsupported(); // resolved only at run time (a dyn operand)
    }
    String overload = reference.overloadIds().get(0);
    List<CelExpr> operands = new ArrayList<>();
    expr.call().target().ifPresent(operands::add);
    operands.addAll(expr.call().args());
    if (overload.equals("in_list")) {
      return membership(operands);
    }
    List<Node> nodes = new ArrayList<>(operands.size());
    for (CelExpr operand : operands) {
      nodes.add(node(operand));
    }
    return switch (overload) {
      case "logical_and" -> new Logic.And(typed(nodes, 0, FastType.BOOL), typed(nodes, 1, FastType.BOOL));
      case "logical_or" -> new Logic.Or(typed(nodes, 0, FastType.BOOL), typed(nodes, 1, FastType.BOOL));
      case "logical_not" -> new Logic.Not(typed(nodes, 0, FastType.BOOL));
      case "conditional" -> conditional(type, nodes);
      case "equals" -> Comparisons.equality(false, scalar(nodes, 0), scalar(nodes, 1));
      case "not_equals" -> Comparisons.equality(true, scalar(nodes, 0), scalar(nodes, 1));
      case "add_int64" -> intBinary(Arithmetic.IntOp.ADD, nodes, expr);
      case "subtract_int64" -> intBinary(Arithmetic.IntOp.SUBTRACT, nodes, expr);
      case "multiply_int64" -> intBinary(Arithmetic.IntOp.MULTIPLY, nodes, expr);
      case "divide_int64" -> intBinary(Arithmetic.IntOp.DIVIDE, nodes, expr);
      case "modulo_int64" -> intBinary(Arithmetic.IntOp.MODULO, nodes, expr);
      case "add_double" -> doubleBinary(Arithmetic.DoubleOp.ADD, nodes);
      case "subtract_double" -> doubleBinary(Arithmetic.DoubleOp.SUBTRACT, nodes);
      case "multiply_double" -> doubleBinary(Arithmetic.DoubleOp.MULTIPLY, nodes);
      case "divide_double" -> doubleBinary(Arithmetic.DoubleOp.DIVIDE, nodes);
      case "negate_int64" -> new Arithmetic.IntNegate(typed(nodes, 0, FastType.INT), position(expr));
      case "negate_double" -> new Arithmetic.DoubleNegate(typed(nodes, 0, FastType.DOUBLE));
      case "add_string" -> new Strings.Concat(typed(nodes, 0, FastType.STRING), typed(nodes, 1, FastType.STRING));
      case "int64_to_int64" -> typed(nodes, 0, FastType.INT);
      case "double_to_double" -> typed(nodes, 0, FastType.DOUBLE);
      case "string_to_string" -> typed(nodes, 0, FastType.STRING);
      case "int64_to_double" -> new Arithmetic.IntToDouble(typed(nodes, 0, FastType.INT));
      case "double_to_int64" -> new Arithmetic.DoubleToInt(typed(nodes, 0, FastType.DOUBLE), position(expr));
      case "int64_to_string" -> new Arithmetic.NumberToString(typed(nodes, 0, FastType.INT));
      case "double_to_string" -> new Arithmetic.NumberToString(typed(nodes, 0, FastType.DOUBLE));
      case "size_string", "string_size" -> new Strings.Size(typed(nodes, 0, FastType.STRING));
      case "size_bytes", "bytes_size" -> new Strings.Size(typed(nodes, 0, FastType.BYTES));
      case "contains_string" -> stringTest(Strings.Test.CONTAINS, nodes);
      case "starts_with_string" -> stringTest(Strings.Test.STARTS_WITH, nodes);
      case "ends_with_string" -> stringTest(Strings.Test.ENDS_WITH, nodes);
      case "string_lower_ascii" -> new Strings.AsciiCase(false, typed(nodes, 0, FastType.STRING));
      case "string_upper_ascii" -> new Strings.AsciiCase(true, typed(nodes, 0, FastType.STRING));
      default -> ordering(overload, nodes);
    };
  }

  private static Node typed(List<Node> nodes, int index, FastType type) {
    if (index >= nodes.size() || nodes.get(index).type() != type) {
      throw unsupported();
    }
    return nodes.get(index);
  }

  private static Node scalar(List<Node> nodes, int index) {
    if (index >= nodes.size() || !nodes.get(index).type().isScalar()) {
      throw unsupported();
    }
    return nodes.get(index);
  }

  private static Node conditional(FastType type, List<Node> nodes) {
    Node condition = typed(nodes, 0, FastType.BOOL);
    if (!type.isScalar()) {
      throw unsupported();
    }
    // A typed result needs both branches of that type (the primitive paths rely on it); a dyn
    // result only ever goes through eval().
    Node then = type == FastType.DYN ? scalar(nodes, 1) : typed(nodes, 1, type);
    Node otherwise = type == FastType.DYN ? scalar(nodes, 2) : typed(nodes, 2, type);
    return new Logic.Conditional(type, condition, then, otherwise);
  }

  private Node intBinary(Arithmetic.IntOp op, List<Node> nodes, CelExpr expr) {
    return new Arithmetic.IntBinary(op, typed(nodes, 0, FastType.INT), typed(nodes, 1, FastType.INT), position(expr));
  }

  private static Node doubleBinary(Arithmetic.DoubleOp op, List<Node> nodes) {
    return new Arithmetic.DoubleBinary(op, typed(nodes, 0, FastType.DOUBLE), typed(nodes, 1, FastType.DOUBLE));
  }

  private static Node stringTest(Strings.Test test, List<Node> nodes) {
    return new Strings.StringTest(test, typed(nodes, 0, FastType.STRING), typed(nodes, 1, FastType.STRING));
  }

  /** {@code less_int64}, {@code greater_equals_int64_double}, ...: operator then operand types. */
  private static Node ordering(String overload, List<Node> nodes) {
    Comparisons.Op op;
    String operands;
    if (overload.startsWith("less_equals_")) {
      op = Comparisons.Op.LE;
      operands = overload.substring("less_equals_".length());
    } else if (overload.startsWith("less_")) {
      op = Comparisons.Op.LT;
      operands = overload.substring("less_".length());
    } else if (overload.startsWith("greater_equals_")) {
      op = Comparisons.Op.GE;
      operands = overload.substring("greater_equals_".length());
    } else if (overload.startsWith("greater_")) {
      op = Comparisons.Op.GT;
      operands = overload.substring("greater_".length());
    } else {
      throw unsupported();
    }
    return switch (operands) {
      case "int64" -> ordering(op, Comparisons.Operands.INT, nodes, FastType.INT, FastType.INT);
      case "double" -> ordering(op, Comparisons.Operands.DOUBLE, nodes, FastType.DOUBLE, FastType.DOUBLE);
      case "int64_double" -> ordering(op, Comparisons.Operands.INT_DOUBLE, nodes, FastType.INT, FastType.DOUBLE);
      case "double_int64" -> ordering(op, Comparisons.Operands.DOUBLE_INT, nodes, FastType.DOUBLE, FastType.INT);
      case "string" -> ordering(op, Comparisons.Operands.STRING, nodes, FastType.STRING, FastType.STRING);
      case "bool" -> ordering(op, Comparisons.Operands.BOOL, nodes, FastType.BOOL, FastType.BOOL);
      case "bytes" -> ordering(op, Comparisons.Operands.BYTES, nodes, FastType.BYTES, FastType.BYTES);
      case "timestamp" -> ordering(op, Comparisons.Operands.TIMESTAMP, nodes, FastType.TIMESTAMP, FastType.TIMESTAMP);
      default -> throw unsupported(); // uint, duration, and anything unknown
    };
  }

  private static Node ordering(Comparisons.Op op, Comparisons.Operands operands, List<Node> nodes, FastType left, FastType right) {
    if (nodes.size() != 2) {
      throw unsupported();
    }
    return Comparisons.ordering(op, operands, typed(nodes, 0, left), typed(nodes, 1, right));
  }

  private Node membership(List<CelExpr> operands) {
    if (operands.size() != 2 || operands.get(1).getKind() != CelExpr.ExprKind.Kind.LIST
        || !operands.get(1).list().optionalIndices().isEmpty()) {
      throw unsupported();
    }
    Node needle = node(operands.get(0));
    FastType type = needle.type();
    if (type == FastType.DYN || type == FastType.NULL || !type.isScalar()) {
      throw unsupported();
    }
    List<Node> elements = new ArrayList<>();
    for (CelExpr element : operands.get(1).list().elements()) {
      Node node = node(element);
      if (node.type() != type) {
        throw unsupported();
      }
      elements.add(node);
    }
    return new Membership(needle, elements);
  }

  private Node mapLiteral(CelExpr expr) {
    var entries = expr.map().entries();
    String[] keys = new String[entries.size()];
    Node[] values = new Node[entries.size()];
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < entries.size(); i++) {
      var entry = entries.get(i);
      if (entry.optionalEntry() || entry.key().getKind() != CelExpr.ExprKind.Kind.CONSTANT
          || entry.key().constant().getKind() != CelConstant.Kind.STRING_VALUE) {
        throw unsupported();
      }
      keys[i] = entry.key().constant().stringValue();
      if (!seen.add(keys[i])) {
        throw unsupported(); // CEL fails duplicate keys at run time: leave that to it
      }
      values[i] = node(entry.value());
      if (!values[i].type().isScalar()) {
        throw unsupported();
      }
    }
    return new MapLiteral(keys, values);
  }
}
