package io.millrace.engine.checkpoint.store;

import io.millrace.localstack.S3Server;
import io.millrace.localstack.WithS3;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** The store contract against the real S3-compatible server from local-stack. */
@WithS3
class S3CheckpointStoreIT extends CheckpointStoreContract {

  private final S3Server s3;
  private final List<CheckpointStore> opened = new ArrayList<>();

  S3CheckpointStoreIT(S3Server s3) {
    this.s3 = s3;
  }

  /** A new bucket per call, so tests never see each other's objects. */
  static CheckpointStore newStore(S3Server s3, String prefix) {
    String bucket = "chk-" + UUID.randomUUID().toString().substring(0, 8);
    try (S3Client admin = S3Client.builder()
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .endpointOverride(s3.endpoint())
        .region(Region.of(s3.region()))
        .forcePathStyle(true)
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(s3.accessKeyId(), s3.secretAccessKey())))
        .build()) {
      admin.createBucket(b -> b.bucket(bucket));
    }
    return CheckpointStores.open(URI.create("s3://" + bucket + "/" + prefix),
        S3Settings.compatible(s3.endpoint(), s3.region(), s3.accessKeyId(),
            s3.secretAccessKey()));
  }

  @Override
  protected CheckpointStore store() {
    CheckpointStore store = newStore(s3, "jobs/j1");
    opened.add(store);
    return store;
  }

  @AfterEach
  void closeStores() {
    opened.forEach(CheckpointStore::close);
  }
}
