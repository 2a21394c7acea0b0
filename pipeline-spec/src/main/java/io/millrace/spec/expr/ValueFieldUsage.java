package io.millrace.spec.expr;

import dev.cel.common.ast.CelExpr;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which fields of {@code value} an expression reads. When it only ever reads {@code value.f}
 * (or tests {@code has(value.f)}), evaluation converts just those fields to CEL values instead of
 * walking the whole record.
 */
final class ValueFieldUsage {

  private ValueFieldUsage() {}

  /** The fields read, or null when the expression uses {@code value} as a whole. */
  static List<String> fieldsRead(CelExpr root) {
    Set<String> fields = new LinkedHashSet<>();
    return collect(root, fields) ? new ArrayList<>(fields) : null;
  }

  /** False as soon as {@code value} is used other than through a field selection. */
  private static boolean collect(CelExpr expr, Set<String> fields) {
    switch (expr.getKind()) {
      case IDENT -> {
        return !expr.ident().name().equals(ExpressionScope.VALUE);
      }
      case SELECT -> {
        CelExpr operand = expr.select().operand();
        if (operand.getKind() == CelExpr.ExprKind.Kind.IDENT
            && operand.ident().name().equals(ExpressionScope.VALUE)) {
          fields.add(expr.select().field());
          return true;
        }
        return collect(operand, fields);
      }
      case COMPREHENSION -> {
        var loop = expr.comprehension();
        // A loop variable named 'value' shadows the record: be conservative.
        if (loop.iterVar().equals(ExpressionScope.VALUE)
            || loop.accuVar().equals(ExpressionScope.VALUE)
            || ExpressionScope.VALUE.equals(loop.iterVar2())) {
          return false;
        }
        break;
      }
      default -> {
        // other nodes: look at the children
      }
    }
    for (CelExpr child : AstNodes.children(expr)) {
      if (!collect(child, fields)) {
        return false;
      }
    }
    return true;
  }
}
