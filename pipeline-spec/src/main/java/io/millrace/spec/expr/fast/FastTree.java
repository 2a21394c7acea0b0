package io.millrace.spec.expr.fast;

/**
 * A compiled fast-path tree.
 *
 * @param readsValue whether the expression reads fields of {@code value} (then a record that is
 *     not a map is left to the CEL program)
 */
public record FastTree(Node root, boolean readsValue) {}
