package io.millrace.engine.state.rocksdb;

/** A RocksDB call failed; the message names the task and the state or operation. */
public final class RocksDbStateException extends RuntimeException {

  RocksDbStateException(String message, Throwable cause) {
    super(message + ": " + cause.getMessage(), cause);
  }
}
