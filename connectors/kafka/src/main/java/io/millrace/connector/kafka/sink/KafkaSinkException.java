package io.millrace.connector.kafka.sink;

/** A Kafka sink could not do its job (send, commit, recover); the message names the node and what to check. */
public final class KafkaSinkException extends RuntimeException {

  public KafkaSinkException(String message, Throwable cause) {
    super(message, cause);
  }

  public KafkaSinkException(String message) {
    super(message);
  }
}
