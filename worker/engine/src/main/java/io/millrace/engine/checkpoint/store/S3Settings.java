package io.millrace.engine.checkpoint.store;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach an S3-compatible object store. Used for {@code s3://} (AWS, MinIO, S3Mock…) and for
 * {@code gs://} (Google Cloud Storage through its S3-compatible XML API with HMAC keys) — one code
 * path, only these settings differ.
 *
 * @param endpoint endpoint override (e.g. {@code http://127.0.0.1:9090}); empty for AWS's own
 *     endpoints; for {@code gs://} empty means {@code https://storage.googleapis.com}
 * @param region signing region; {@code us-east-1} for most S3-compatible servers, {@code auto} for
 *     GCS
 * @param accessKeyId access key (GCS: HMAC key id); empty to use the SDK's default credential
 *     chain (environment, profile, instance role)
 * @param secretAccessKey secret (GCS: HMAC secret); never logged
 * @param pathStyle {@code true} for path-style URLs ({@code endpoint/bucket/key}), which most
 *     S3-compatible servers need
 */
public record S3Settings(Optional<URI> endpoint, String region, Optional<String> accessKeyId,
    Optional<String> secretAccessKey, boolean pathStyle) {

  /** GCS's S3-compatible endpoint. */
  public static final URI GCS_ENDPOINT = URI.create("https://storage.googleapis.com");

  public S3Settings {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(accessKeyId, "accessKeyId");
    Objects.requireNonNull(secretAccessKey, "secretAccessKey");
    if (accessKeyId.isPresent() != secretAccessKey.isPresent()) {
      throw new IllegalArgumentException(
          "S3 credentials need both an access key id and a secret access key, or neither");
    }
  }

  /** AWS S3 in {@code region} with the default credential chain. */
  public static S3Settings aws(String region) {
    return new S3Settings(Optional.empty(), region, Optional.empty(), Optional.empty(), false);
  }

  /** An S3-compatible server at {@code endpoint} with static keys and path-style access. */
  public static S3Settings compatible(URI endpoint, String region, String accessKeyId,
      String secretAccessKey) {
    return new S3Settings(Optional.of(endpoint), region, Optional.of(accessKeyId),
        Optional.of(secretAccessKey), true);
  }

  /** Google Cloud Storage with HMAC keys. */
  public static S3Settings gcs(String hmacKeyId, String hmacSecret) {
    return new S3Settings(Optional.of(GCS_ENDPOINT), "auto", Optional.of(hmacKeyId),
        Optional.of(hmacSecret), true);
  }

  @Override
  public String toString() {
    return "S3Settings[endpoint=" + endpoint.map(URI::toString).orElse("aws") + ", region="
        + region + ", accessKeyId=" + accessKeyId.orElse("<default chain>")
        + ", secretAccessKey=" + (secretAccessKey.isPresent() ? "<hidden>" : "<none>")
        + ", pathStyle=" + pathStyle + "]";
  }
}
