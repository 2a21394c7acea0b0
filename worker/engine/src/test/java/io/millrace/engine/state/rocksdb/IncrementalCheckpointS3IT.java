package io.millrace.engine.state.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.engine.checkpoint.store.CountingCheckpointStore;
import io.millrace.engine.checkpoint.store.S3CheckpointStoreTestSupport;
import io.millrace.engine.serialization.Serializers;
import io.millrace.engine.state.KeyedBackendParameters;
import io.millrace.engine.state.KeyedStateBackend;
import io.millrace.engine.state.KeyedStateHandle;
import io.millrace.engine.state.KeyedStateHandle.StateFile;
import io.millrace.engine.state.MapState;
import io.millrace.engine.state.StateDescriptor;
import io.millrace.engine.state.TimeDomain;
import io.millrace.engine.state.ValueState;
import io.millrace.localstack.S3Server;
import io.millrace.localstack.WithS3;
import io.millrace.spec.plan.KeyGroupRange;
import io.millrace.spec.plan.KeyGroups;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Incremental RocksDB checkpoints against the real S3-compatible server from local-stack: a
 * checkpoint of barely changed state uploads only the new SST files, and a restore from S3
 * reproduces the state (also split across two new subtasks).
 */
@WithS3
class IncrementalCheckpointS3IT {

  private static final String NODE = "counts";
  private static final StateDescriptor<ValueState<Long>> COUNT =
      StateDescriptor.value("count", Serializers.LONG);
  private static final StateDescriptor<MapState<String, Object>> LAST =
      StateDescriptor.map("last", Serializers.STRING, Serializers.RECORD);

  @TempDir
  Path tmp;

  @Test
  void secondCheckpointUploadsOnlyNewSstFilesAndRestoreFromS3ReproducesState(S3Server s3)
      throws Exception {
    CountingCheckpointStore store = new CountingCheckpointStore(
        S3CheckpointStoreTestSupport.newStore(s3, "jobs/wordcount"));
    try (RocksDbStateBackend backend = new RocksDbStateBackend(RocksDbOptions.small());
        store) {
      KeyedStateBackend b = backend.createKeyedStateBackend(params("t0", full(), "w0"));
      ValueState<Long> count = b.getState(NODE, COUNT);
      MapState<String, Object> last = b.getState(NODE, LAST);
      for (int i = 0; i < 5_000; i++) {
        b.setCurrentKey("word-" + i);
        count.update((long) i);
        last.put("seen", Map.of("i", (long) i, "text", "x".repeat(40)));
        b.timerService(NODE).registerTimer(TimeDomain.EVENT_TIME, 0, 1_000L + i);
      }
      KeyedStateHandle first = b.snapshot(1, store, "chk-1/t0").run();
      List<String> firstWrites = store.writes();
      assertThat(sstWrites(firstWrites)).as("first checkpoint uploads every SST")
          .hasSameSizeAs(sharedSsts(first)).isNotEmpty();

      // barely changed: one key updated
      store.resetWrites();
      b.setCurrentKey("word-7");
      count.update(-7L);
      KeyedStateHandle second = b.snapshot(2, store, "chk-2/t0").run();
      List<String> secondWrites = store.writes();

      Set<String> newSsts = new java.util.HashSet<>(sharedSsts(second));
      newSsts.removeAll(sharedSsts(first));
      assertThat(sharedSsts(second)).containsAll(sharedSsts(first));
      assertThat(newSsts).as("the flush of the one change made exactly one new SST").hasSize(1);
      assertThat(sstWrites(secondWrites)).as("only the new SST was uploaded")
          .containsExactlyElementsOf(newSsts);
      assertThat(secondWrites).as("plus the small per-checkpoint files, under chk-2")
          .hasSize(1 + (int) second.files().stream().filter(f -> !f.shared()).count());
      assertThat(secondWrites.stream().filter(p -> !p.startsWith("shared/")))
          .allSatisfy(p -> assertThat(p).startsWith("chk-2/t0/"));
      b.close();

      // restore from S3 into a fresh backend (another working directory, as after a failover)
      KeyedStateBackend restored = backend.createKeyedStateBackend(params("t0", full(), "w1"));
      restored.restore(store, List.of(KeyedStateHandle.fromBytes(second.toBytes())));
      ValueState<Long> rc = restored.getState(NODE, COUNT);
      MapState<String, Object> rl = restored.getState(NODE, LAST);
      for (int i = 0; i < 5_000; i++) {
        restored.setCurrentKey("word-" + i);
        assertThat(rc.value()).isEqualTo(i == 7 ? -7L : i);
        assertThat(rl.get("seen")).isEqualTo(Map.of("i", (long) i, "text", "x".repeat(40)));
      }
      assertThat(restored.timerService(NODE).size(TimeDomain.EVENT_TIME)).isEqualTo(5_000);

      // a checkpoint after the restore reuses the restored SSTs instead of uploading them again
      store.resetWrites();
      restored.setCurrentKey("word-8");
      rc.update(-8L);
      KeyedStateHandle third = restored.snapshot(3, store, "chk-3/t0").run();
      assertThat(sstWrites(store.writes())).hasSize(1);
      assertThat(sharedSsts(third)).containsAll(sharedSsts(second));
      restored.close();

      // rescale: the same handle split into two subtasks
      KeyGroupRange low = new KeyGroupRange(0, 63);
      KeyedStateBackend left = backend.createKeyedStateBackend(params("t0-low", low, "w2"));
      left.restore(store, List.of(third));
      List<Object> leftKeys = new ArrayList<>();
      left.getState(NODE, COUNT);
      left.forEachKey(NODE, COUNT, 0, leftKeys::add);
      assertThat(leftKeys).isNotEmpty().allSatisfy(k ->
          assertThat(low.contains(KeyGroups.keyGroupFor(k, 128))).isTrue());
      long expectedLow = java.util.stream.IntStream.range(0, 5_000)
          .filter(i -> low.contains(KeyGroups.keyGroupFor("word-" + i, 128))).count();
      assertThat(leftKeys).hasSize((int) expectedLow);
      assertThat(left.timerService(NODE).size(TimeDomain.EVENT_TIME)).isEqualTo(expectedLow);
      left.close();
    }
  }

  private static KeyGroupRange full() {
    return new KeyGroupRange(0, 127);
  }

  private KeyedBackendParameters params(String task, KeyGroupRange range, String dir) {
    return new KeyedBackendParameters(task, List.of(NODE), range, 128, tmp.resolve(dir),
        () -> 0L);
  }

  private static List<String> sstWrites(List<String> writes) {
    return writes.stream().filter(p -> p.startsWith("shared/") && p.endsWith(".sst")).toList();
  }

  private static Set<String> sharedSsts(KeyedStateHandle h) {
    return h.files().stream().filter(StateFile::shared).map(StateFile::storePath)
        .collect(Collectors.toSet());
  }

}
