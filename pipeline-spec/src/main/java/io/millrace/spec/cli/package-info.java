/** The spec command line ({@code validate FILE}, {@code schema}, {@code plan FILE}); one {@link io.millrace.spec.cli.CliCommand} per command. */
package io.millrace.spec.cli;
