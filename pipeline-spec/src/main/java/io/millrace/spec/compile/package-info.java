/**
 * The compiler from a validated pipeline spec ({@code io.millrace.spec.model}) to the execution
 * plan ({@code io.millrace.spec.plan}): {@link io.millrace.spec.compile.SpecCompiler}. The edge
 * rules are documented there and in pipeline-spec/docs/plan.md.
 */
package io.millrace.spec.compile;
