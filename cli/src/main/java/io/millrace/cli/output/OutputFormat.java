package io.millrace.cli.output;

/** {@code --output}: a table (or short sentence) for people, or the API's JSON for scripts. */
public enum OutputFormat {
    TABLE, JSON
}
