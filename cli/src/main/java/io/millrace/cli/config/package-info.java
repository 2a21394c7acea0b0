/**
 * Where the CLI keeps its login ({@code ~/.config/millrace/config.json}, or {@code $MILLRACE_CONFIG}), written
 * owner-only (0600) because it holds an API token, and how the environment ({@code MILLRACE_URL},
 * {@code MILLRACE_TOKEN}) overrides it.
 */
package io.millrace.cli.config;
