package io.millrace.engine.runtime.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.engine.checkpoint.store.FileCheckpointStore;
import io.millrace.engine.state.KeyedStateHandle.StateFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class CheckpointFileCleanerPropertiesTest {

  /** One checkpoint: the shared files (by number 0..15) it references, and whether retention discards it. */
  record Checkpoint(Set<Integer> sharedFiles, boolean discard) {}

  @Property(tries = 200)
  void retainedFilesSurviveAndFilesOnlyDiscardedOnesReferencedAreGone(
      @ForAll("checkpoints") List<Checkpoint> checkpoints) throws IOException {
    Path root = Files.createTempDirectory("cleaner-property");
    try {
      FileCheckpointStore store = new FileCheckpointStore(root);
      List<TaskStateSnapshot> discarded = new ArrayList<>();
      List<TaskStateSnapshot> retained = new ArrayList<>();
      List<Long> discardedIds = new ArrayList<>();
      for (int i = 0; i < checkpoints.size(); i++) {
        long id = i + 1;
        List<String> paths = new ArrayList<>();
        checkpoints.get(i).sharedFiles().forEach(n -> paths.add("shared/lineage/" + n + ".sst"));
        paths.add("checkpoints/job/" + id + "/counts-0/MANIFEST");
        TaskStateSnapshot task = CheckpointFiles.checkpoint(id, paths);
        (checkpoints.get(i).discard() ? discarded : retained).add(task);
        if (checkpoints.get(i).discard()) {
          discardedIds.add(id);
        }
      }
      List<TaskStateSnapshot> all = new ArrayList<>(discarded);
      all.addAll(retained);
      CheckpointFiles.write(store, all);

      CheckpointFileCleaner.Result result = new CheckpointFileCleaner(store).discard("job", discardedIds, discarded,
          retained);

      Set<String> retainedPaths = paths(retained);
      Set<String> onlyDiscarded = paths(discarded);
      onlyDiscarded.removeAll(retainedPaths);
      for (String path : retainedPaths) {
        assertThat(store.exists(path)).as("retained %s", path).isTrue();
      }
      for (String path : onlyDiscarded) {
        assertThat(store.exists(path)).as("only discarded ones referenced %s", path).isFalse();
      }
      assertThat(result.deletedPaths()).isEqualTo(onlyDiscarded);
      assertThat(new HashSet<>(store.list(""))).isEqualTo(retainedPaths);
    } finally {
      try (Stream<Path> walk = Files.walk(root)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  @Provide
  Arbitrary<List<Checkpoint>> checkpoints() {
    Arbitrary<Set<Integer>> files = Arbitraries.integers().between(0, 15).set().ofMaxSize(8);
    return files.flatMap(f -> Arbitraries.of(true, false).map(d -> new Checkpoint(f, d))).list().ofMinSize(1)
        .ofMaxSize(8);
  }

  private static Set<String> paths(List<TaskStateSnapshot> tasks) {
    Set<String> paths = new HashSet<>();
    tasks.forEach(t -> t.keyedState().files().stream().map(StateFile::storePath).forEach(paths::add));
    return paths;
  }
}
