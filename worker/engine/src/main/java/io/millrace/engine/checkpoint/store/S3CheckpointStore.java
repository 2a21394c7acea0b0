package io.millrace.engine.checkpoint.store;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A checkpoint store in an S3 bucket under a key prefix, through the AWS SDK v2 with the JDK's
 * URL-connection HTTP client. Also serves {@code gs://} via GCS's S3-compatible API (see {@link
 * S3Settings}); that is why request checksums are only sent when an operation requires them — GCS
 * and other S3-compatible servers reject the SDK's newer default checksum headers.
 *
 * <p>Single PUTs are atomic for readers, so no temporary objects are needed. Objects up to 5 GiB
 * (the single-PUT limit) are supported; RocksDB SST files are far smaller.
 */
public final class S3CheckpointStore implements CheckpointStore {

  private final S3Client client;
  private final String bucket;
  private final String rootPrefix;
  private final URI uri;

  /**
   * @param uri {@code s3://bucket/prefix} or {@code gs://bucket/prefix} (the prefix may be empty)
   * @param settings endpoint, region and credentials
   */
  public S3CheckpointStore(URI uri, S3Settings settings) {
    this.uri = uri;
    this.bucket = uri.getHost();
    if (bucket == null || bucket.isEmpty()) {
      throw new IllegalArgumentException("checkpoint store URI " + uri
          + " has no bucket; write it as " + uri.getScheme() + "://<bucket>/<prefix>");
    }
    String path = uri.getPath() == null ? "" : uri.getPath();
    this.rootPrefix = StorePaths.prefix(path.startsWith("/") ? path.substring(1) : path);
    S3ClientBuilder builder = S3Client.builder()
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .region(Region.of(settings.region()))
        .forcePathStyle(settings.pathStyle())
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    settings.endpoint().ifPresent(builder::endpointOverride);
    if (settings.accessKeyId().isPresent()) {
      builder.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
          settings.accessKeyId().get(), settings.secretAccessKey().orElseThrow())));
    } else {
      builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
    }
    this.client = builder.build();
  }

  @Override
  public URI uri() {
    return uri;
  }

  private String key(String path) {
    return rootPrefix + StorePaths.object(path);
  }

  @Override
  public void put(String path, byte[] data) throws IOException {
    String key = key(path);
    call("put", key, () -> client.putObject(b -> b.bucket(bucket).key(key),
        RequestBody.fromBytes(data)));
  }

  @Override
  public void putFile(String path, Path source) throws IOException {
    String key = key(path);
    call("upload", key, () -> client.putObject(b -> b.bucket(bucket).key(key),
        RequestBody.fromFile(source)));
  }

  @Override
  public byte[] get(String path) throws IOException {
    String key = key(path);
    return call("get", key, () -> client.getObjectAsBytes(b -> b.bucket(bucket).key(key))
        .asByteArray());
  }

  @Override
  public InputStream open(String path) throws IOException {
    String key = key(path);
    return call("open", key, () -> client.getObject(b -> b.bucket(bucket).key(key)));
  }

  @Override
  public void getFile(String path, Path target) throws IOException {
    String key = key(path);
    Files.deleteIfExists(target);
    call("download", key, () -> client.getObject(b -> b.bucket(bucket).key(key), target));
  }

  @Override
  public boolean exists(String path) throws IOException {
    String key = key(path);
    try {
      client.headObject(b -> b.bucket(bucket).key(key));
      return true;
    } catch (NoSuchKeyException e) {
      return false;
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return false;
      }
      throw failure("check", key, e);
    } catch (SdkException e) {
      throw failure("check", key, e);
    }
  }

  @Override
  public List<String> list(String prefix) throws IOException {
    String full = rootPrefix + StorePaths.prefix(prefix);
    List<String> out = new ArrayList<>();
    call("list", full, () -> {
      for (S3Object o : client.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(full))
          .contents()) {
        out.add(o.key().substring(rootPrefix.length()));
      }
      return null;
    });
    out.sort(null);
    return out;
  }

  @Override
  public void delete(String path) throws IOException {
    String key = key(path);
    call("delete", key, () -> client.deleteObject(b -> b.bucket(bucket).key(key)));
  }

  @Override
  public void close() {
    client.close();
  }

  @Override
  public String toString() {
    return "S3CheckpointStore[" + uri + "]";
  }

  private interface Call<T> {
    T run();
  }

  private <T> T call(String what, String key, Call<T> call) throws IOException {
    try {
      return call.run();
    } catch (NoSuchKeyException e) {
      throw new NoSuchFileException(uri.getScheme() + "://" + bucket + "/" + key, null,
          "no such object");
    } catch (SdkException e) {
      throw failure(what, key, e);
    }
  }

  private IOException failure(String what, String key, SdkException e) {
    return new IOException("checkpoint store " + what + " of " + uri.getScheme() + "://"
        + bucket + "/" + key + " failed: " + e.getMessage(), e);
  }
}
