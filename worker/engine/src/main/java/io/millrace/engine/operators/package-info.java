/**
 * Operators of the built-in node kinds and the {@link io.millrace.engine.operators.OperatorFactory}
 * that builds any plan vertex's operator. Sub-packages: {@code window} (window-aggregate, sliced
 * incremental aggregation and merging sessions), {@code join} (window, interval and lookup joins),
 * {@code dedup} (keyed deduplication with TTL), {@code process} (the CEL keyed state machine), and
 * {@code basic} (map, filter, ..., owned by the runtime). State names of every operator are listed in
 * {@code worker/engine/docs/operators.md}: they are the stable state identities of DESIGN.md §8.
 */
package io.millrace.engine.operators;
