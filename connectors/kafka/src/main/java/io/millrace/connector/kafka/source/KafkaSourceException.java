package io.millrace.connector.kafka.source;

/**
 * The source cannot do its job against the cluster (unreachable, unknown topic, no rights): the
 * message names the node, the cluster and what to check; it ends up in the job's failure status.
 */
public final class KafkaSourceException extends RuntimeException {

  KafkaSourceException(String message, Throwable cause) {
    super(message, cause);
  }
}
