package io.millrace.spec.expr;

import dev.cel.common.ast.CelExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Small queries over a CEL expression tree (size, lookup by id, children). */
final class AstNodes {

  private AstNodes() {}

  static int count(CelExpr root) {
    int count = 1;
    for (CelExpr child : children(root)) {
      count += count(child);
    }
    return count;
  }

  static Optional<CelExpr> find(CelExpr root, long id) {
    if (root.id() == id) {
      return Optional.of(root);
    }
    for (CelExpr child : children(root)) {
      Optional<CelExpr> found = find(child, id);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  static List<CelExpr> children(CelExpr expr) {
    List<CelExpr> children = new ArrayList<>();
    switch (expr.getKind()) {
      case SELECT -> children.add(expr.select().operand());
      case CALL -> {
        expr.call().target().ifPresent(children::add);
        children.addAll(expr.call().args());
      }
      case LIST -> children.addAll(expr.list().elements());
      case STRUCT -> expr.struct().entries().forEach(entry -> children.add(entry.value()));
      case MAP -> expr.map().entries().forEach(entry -> {
        children.add(entry.key());
        children.add(entry.value());
      });
      case COMPREHENSION -> {
        var loop = expr.comprehension();
        children.add(loop.iterRange());
        children.add(loop.accuInit());
        children.add(loop.loopCondition());
        children.add(loop.loopStep());
        children.add(loop.result());
      }
      default -> {
        // constants, identifiers and unset nodes have no children
      }
    }
    return children;
  }
}
