package io.millrace.engine.serialization;

/** Input that cannot be decoded (truncated, corrupt, unknown tag) or a value that cannot be encoded. */
public class SerializationException extends RuntimeException {

  public SerializationException(String message) {
    super(message);
  }

  public SerializationException(String message, Throwable cause) {
    super(message, cause);
  }
}
