/**
 * One class per {@code millrace} subcommand. Each API command extends {@link io.millrace.cli.command.ApiCommand}
 * (which gives it {@code --tenant}, {@code --output} and a client), calls one or two endpoints and prints either a
 * table/sentence or the API's JSON. Commands never print a token, except {@code tokens create} printing the secret
 * the API returns that one time.
 */
package io.millrace.cli.command;
