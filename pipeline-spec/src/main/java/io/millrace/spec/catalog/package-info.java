/**
 * The one typed description of every node kind and connector ({@link io.millrace.spec.catalog.NodeKindDescriptor},
 * {@link io.millrace.spec.catalog.SettingDescriptor}): the JSON Schema, the validator and the
 * console's forms all read it. Connector modules add connectors through {@link
 * io.millrace.spec.catalog.ConnectorProvider} (ServiceLoader); a source connector declares the
 * record type it emits ({@link io.millrace.spec.catalog.OutputTypeRule}; the Nexmark events are
 * {@link io.millrace.spec.catalog.NexmarkRecords}).
 */
package io.millrace.spec.catalog;
