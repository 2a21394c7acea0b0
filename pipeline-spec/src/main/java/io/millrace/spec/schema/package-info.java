/**
 * The pipeline JSON Schema (draft 2020-12), generated from the catalog and published as the
 * classpath resource {@code io/millrace/spec/schema/pipeline.schema.json} (a test fails when stale).
 */
package io.millrace.spec.schema;
