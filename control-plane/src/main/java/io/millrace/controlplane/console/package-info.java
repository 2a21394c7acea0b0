/**
 * Serving the web console (the {@code millrace-web-console} jar's {@code META-INF/resources}): the console is a
 * single-page app with client-side routes ({@code /builder}, {@code /pipelines/...}, {@code /jobs/...},
 * {@code /admin/...}, {@code /auth/callback}), so a reload or a shared deep link must get its {@code index.html} rather
 * than a 404. {@link io.millrace.controlplane.console.ClientRoutes} decides which paths are the console's;
 * {@link io.millrace.controlplane.console.ConsoleRoutes} answers them with the console's {@code index.html}. The API ({@code /api}), Quarkus' own endpoints
 * ({@code /q}) and the console's build output ({@code /assets}) keep their own handling.
 */
package io.millrace.controlplane.console;
