/**
 * The exactly-once {@code file-sink}: lines (JSON or text) into part files of a directory, committed
 * by rename when a checkpoint completes ({@link io.millrace.engine.connector.file.FileSink} explains
 * the protocol and the recovery rule). Workers register it per deployment with {@link
 * io.millrace.engine.connector.file.FileSinkConnector#register}.
 */
package io.millrace.engine.connector.file;
