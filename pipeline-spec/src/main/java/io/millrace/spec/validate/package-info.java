/**
 * {@link io.millrace.spec.validate.PipelineValidator}: every problem of a spec in one pass, as
 * {@link io.millrace.spec.validate.Diagnostic}s located by JSON pointer, line and column, with a
 * fix hint; the typed model and per-node record types when valid. Checks run in stages: parse,
 * shape (catalog-driven), graph, cross-setting rules, record-type flow, CEL expressions.
 */
package io.millrace.spec.validate;
