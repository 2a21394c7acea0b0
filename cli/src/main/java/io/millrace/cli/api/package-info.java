/**
 * The HTTP client of the control plane's REST API: {@link io.millrace.cli.api.ApiClient} sends the bearer token and
 * the tenant header, and turns every error answer into an {@link io.millrace.cli.api.ApiException} carrying the RFC
 * 9457 problem (synthesised when a proxy answers with something else).
 */
package io.millrace.cli.api;
