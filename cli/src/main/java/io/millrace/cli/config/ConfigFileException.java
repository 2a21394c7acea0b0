package io.millrace.cli.config;

/** The config file exists but cannot be read or written; the message names the file and what to do. */
public class ConfigFileException extends RuntimeException {

    public ConfigFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
