package io.millrace.engine.checkpoint.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class FileCheckpointStoreTest extends CheckpointStoreContract {

  private int stores;

  @Override
  protected CheckpointStore store() {
    return new FileCheckpointStore(local.resolve("store-" + stores++));
  }

  @Test
  void leavesNoTemporaryFilesBehind() throws Exception {
    CheckpointStore store = store();
    store.put("a/b", new byte[] {1, 2});
    store.put("a/b", new byte[] {3});
    try (Stream<java.nio.file.Path> files = Files.walk(java.nio.file.Path.of(store.uri()))) {
      assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
          .containsExactly("b");
    }
  }

  @Test
  void storesAreSelectedByUri() {
    CheckpointStore file = CheckpointStores.open(local.resolve("by-uri").toUri(), null);
    assertThat(file).isInstanceOf(FileCheckpointStore.class);
    S3Settings settings = S3Settings.compatible(URI.create("http://127.0.0.1:1"), "us-east-1",
        "id", "s3cr3t-value");
    try (CheckpointStore s3 = CheckpointStores.open(URI.create("s3://bucket/pre/fix"), settings);
        CheckpointStore gs = CheckpointStores.open(URI.create("gs://bucket/x"),
            new S3Settings(java.util.Optional.empty(), "auto", java.util.Optional.of("hmac"),
                java.util.Optional.of("secret"), false))) {
      assertThat(s3).isInstanceOf(S3CheckpointStore.class);
      assertThat(gs).isInstanceOf(S3CheckpointStore.class);
    }
    assertThat(settings.toString()).doesNotContain("s3cr3t-value").contains("<hidden>");
    assertThatThrownBy(() -> CheckpointStores.open(URI.create("hdfs://x/y"), null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("file://, s3:// or gs://");
    assertThatThrownBy(() -> CheckpointStores.open(URI.create("s3://bucket/x"), null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("S3 settings");
  }
}
