package io.millrace.engine.checkpoint.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every {@link CheckpointStore} does; run for the file store (unit) and S3 (IT). */
public abstract class CheckpointStoreContract {

  @TempDir
  protected Path local;

  /** A fresh, empty store. */
  protected abstract CheckpointStore store();

  @Test
  void putsGetsAndOverwritesBytes() throws Exception {
    CheckpointStore store = store();
    store.put("chk-1/meta", "one".getBytes(StandardCharsets.UTF_8));
    assertThat(store.get("chk-1/meta")).asString(StandardCharsets.UTF_8).isEqualTo("one");
    store.put("chk-1/meta", "two".getBytes(StandardCharsets.UTF_8));
    assertThat(store.get("chk-1/meta")).asString(StandardCharsets.UTF_8).isEqualTo("two");
    try (InputStream in = store.open("chk-1/meta")) {
      assertThat(in.readAllBytes()).asString(StandardCharsets.UTF_8).isEqualTo("two");
    }
  }

  @Test
  void uploadsAndDownloadsFiles() throws Exception {
    CheckpointStore store = store();
    Path source = local.resolve("000012.sst");
    byte[] content = new byte[300_000];
    for (int i = 0; i < content.length; i++) {
      content[i] = (byte) (i * 31);
    }
    Files.write(source, content);
    store.putFile("shared/x/000012.sst", source);
    Path target = local.resolve("down.sst");
    Files.writeString(target, "stale");
    store.getFile("shared/x/000012.sst", target);
    assertThat(Files.readAllBytes(target)).isEqualTo(content);
  }

  @Test
  void existsListsAndDeletes() throws Exception {
    CheckpointStore store = store();
    byte[] b = {1};
    store.put("chk-2/t1/MANIFEST", b);
    store.put("chk-2/t0/CURRENT", b);
    store.put("chk-20/t0/CURRENT", b);
    store.put("shared/a.sst", b);
    assertThat(store.exists("chk-2/t0/CURRENT")).isTrue();
    assertThat(store.exists("chk-2/t0/missing")).isFalse();
    assertThat(store.list("chk-2")).containsExactly("chk-2/t0/CURRENT", "chk-2/t1/MANIFEST");
    assertThat(store.list("chk-2/")).containsExactly("chk-2/t0/CURRENT", "chk-2/t1/MANIFEST");
    assertThat(store.list("")).hasSize(4);
    assertThat(store.list("nothing")).isEmpty();
    store.delete("shared/a.sst");
    store.delete("shared/a.sst");
    assertThat(store.exists("shared/a.sst")).isFalse();
    store.deleteAll("chk-2");
    assertThat(store.list("")).containsExactly("chk-20/t0/CURRENT");
  }

  @Test
  void missingObjectsAndBadPathsFailPrecisely() {
    CheckpointStore store = store();
    assertThatThrownBy(() -> store.get("nope/x")).isInstanceOf(NoSuchFileException.class);
    assertThatThrownBy(() -> store.getFile("nope/x", local.resolve("x")))
        .isInstanceOf(NoSuchFileException.class);
    assertThatThrownBy(() -> store.put("/abs", new byte[0]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("relative");
    assertThatThrownBy(() -> store.put("a/../b", new byte[0]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'..'");
    assertThatThrownBy(() -> store.put("a/", new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
