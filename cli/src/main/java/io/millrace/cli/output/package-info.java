/**
 * How results and errors look: aligned text tables for people, the API's JSON for scripts
 * ({@code --output json}), and problems rendered as {@code error: <title>: <detail>} with one line per located
 * error ({@code file:line:column: message} when the error points into a spec file).
 */
package io.millrace.cli.output;
