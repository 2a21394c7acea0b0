/**
 * The validated pipeline document as Java records, defaults applied: {@link
 * io.millrace.spec.model.PipelineSpec} → {@link io.millrace.spec.model.Spec} → sealed {@link
 * io.millrace.spec.model.NodeSpec} (one record per built-in kind; connectors with {@link
 * io.millrace.spec.model.ConnectorSettings}). Only {@code PipelineValidator} builds it.
 */
package io.millrace.spec.model;
