package io.millrace.engine.checkpoint.store;

import java.net.URI;
import java.nio.file.Path;

/** Opens the checkpoint store a URI names. */
public final class CheckpointStores {

  private CheckpointStores() {}

  /**
   * {@code file:///abs/dir} or a plain path → {@link FileCheckpointStore}; {@code s3://bucket/prefix}
   * and {@code gs://bucket/prefix} → {@link S3CheckpointStore} with {@code s3} settings (for
   * {@code gs://} without an endpoint, GCS's S3-compatible endpoint is used).
   */
  public static CheckpointStore open(URI uri, S3Settings s3) {
    String scheme = uri.getScheme();
    if (scheme == null) {
      return new FileCheckpointStore(Path.of(uri.getPath()));
    }
    return switch (scheme) {
      case "file" -> new FileCheckpointStore(Path.of(uri));
      case "s3" -> new S3CheckpointStore(uri, requireSettings(uri, s3));
      case "gs" -> {
        S3Settings settings = requireSettings(uri, s3);
        if (settings.endpoint().isEmpty()) {
          settings = new S3Settings(java.util.Optional.of(S3Settings.GCS_ENDPOINT), "auto",
              settings.accessKeyId(), settings.secretAccessKey(), true);
        }
        yield new S3CheckpointStore(uri, settings);
      }
      default -> throw new IllegalArgumentException("checkpoint store URI " + uri
          + " has unsupported scheme '" + scheme + "'; use file://, s3:// or gs://");
    };
  }

  private static S3Settings requireSettings(URI uri, S3Settings s3) {
    if (s3 == null) {
      throw new IllegalArgumentException("checkpoint store " + uri
          + " needs S3 settings (endpoint, region, credentials)");
    }
    return s3;
  }
}
