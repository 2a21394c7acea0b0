/**
 * The stateless node kinds: {@code map}, {@code filter}, {@code flat-map}, {@code key-by},
 * {@code union}. Each evaluates its {@code expression} (CEL, compiled once in {@code open}) per record;
 * a record whose expression fails goes to the node's {@code dead-letter} output with the reason, or
 * fails the task when the node says {@code deadLetter.onError: fail}.
 */
package io.millrace.engine.operators.basic;
