/**
 * The {@code millrace} command line: a thin client of the control plane's REST API ({@code /api/v1}) for CI and
 * people at a terminal. {@link io.millrace.cli.MillraceCli} wires picocli to an explicit {@link CliEnvironment}
 * (environment variables, home directory, streams), so the same commands run from {@link io.millrace.cli.Main} and
 * in-process from tests.
 *
 * <p>Exit codes: 0 ok, 1 the API answered with an error (or could not be reached), 2 usage error (bad options, no
 * credentials, unreadable spec file).
 */
package io.millrace.cli;
