package io.millrace.spec.catalog;

import java.util.List;

/**
 * Service-provider interface through which connector modules add their connectors to the catalog.
 * Register an implementation in {@code META-INF/services/io.millrace.spec.catalog.ConnectorProvider};
 * {@link Catalog#load()} finds it with {@link java.util.ServiceLoader}.
 */
public interface ConnectorProvider {

  List<ConnectorDescriptor> connectors();
}
