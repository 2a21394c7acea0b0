package io.millrace.engine.checkpoint.store;

import io.millrace.localstack.S3Server;

/** Opens S3 stores on fresh buckets of the local-stack S3 server, for ITs in other packages. */
public final class S3CheckpointStoreTestSupport {

  private S3CheckpointStoreTestSupport() {}

  public static CheckpointStore newStore(S3Server s3, String prefix) {
    return S3CheckpointStoreIT.newStore(s3, prefix);
  }
}
