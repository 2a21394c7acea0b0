package io.millrace.spec.validate;

import io.millrace.spec.expr.ExpressionKind;

/**
 * An expression found in the document.
 *
 * @param nodeIndex index of the enclosing node in spec.nodes
 * @param path the setting path inside the node, e.g. {@code /aggregates/0/expression}
 */
record ExpressionSite(int nodeIndex, String path, String pointer, ExpressionKind kind, String text) {}
