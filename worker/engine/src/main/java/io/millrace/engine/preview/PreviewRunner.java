package io.millrace.engine.preview;

import io.millrace.engine.api.OperatorSetupException;
import io.millrace.engine.checkpoint.store.FileCheckpointStore;
import io.millrace.engine.operators.OperatorFactory;
import io.millrace.engine.runtime.Connectors;
import io.millrace.engine.runtime.JobConfig;
import io.millrace.engine.runtime.LocalJob;
import io.millrace.engine.runtime.VertexOperatorFactory;
import io.millrace.engine.state.heap.HeapStateBackend;
import io.millrace.spec.plan.JobGraph;
import io.millrace.spec.plan.JobVertex;
import io.millrace.spec.plan.PhysicalPlan;
import io.millrace.spec.plan.PhysicalPlanner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * Runs one preview: the plan at parallelism 1 as a {@link LocalJob} with sandbox connectors ({@link
 * PreviewSources}) and tapped operators ({@link TappedOperators}), heap state in a fresh directory under {@code
 * workRoot} that is deleted afterwards, cancelled at the time limit. Blocking; thread-safe (every run has its own
 * job, state and directory).
 */
public final class PreviewRunner {

  private static final Logger LOG = Logger.getLogger(PreviewRunner.class.getName());

  private final Path workRoot;
  private final VertexOperatorFactory operators;

  /** Previews with the engine's standard operators; state directories under {@code workRoot}. */
  public PreviewRunner(Path workRoot) {
    this(workRoot, OperatorFactory.standard());
  }

  PreviewRunner(Path workRoot, VertexOperatorFactory operators) {
    this.workRoot = workRoot;
    this.operators = operators;
  }

  /**
   * Runs the preview to the end of its input or to the time limit.
   *
   * @throws PreviewException when it cannot run (a source without samples, malformed samples, a node that cannot
   *     be set up); failures while running are reported as node errors of the outcome instead
   */
  public PreviewOutcome run(PreviewRequest request) throws InterruptedException {
    long started = System.nanoTime();
    PhysicalPlan plan = singleSubtask(request.plan());
    PreviewCaptures captures = new PreviewCaptures(request.limits().maxRecordsPerNode());
    Connectors connectors = PreviewSources.bind(plan.graph(), request.samples(), request.limits(), captures);
    Path work = createWorkDirectory(request.previewId());
    HeapStateBackend state = new HeapStateBackend();
    boolean limitHit = false;
    try {
      JobConfig config = JobConfig.defaults(work.resolve("tasks"))
          .withState(state, new FileCheckpointStore(work.resolve("checkpoints")));
      LocalJob job;
      try {
        job = LocalJob.create(plan, connectors, new TappedOperators(operators, captures), config, null);
      } catch (OperatorSetupException setup) {
        throw new PreviewException(setup.nodeId(), setup.getMessage());
      }
      try (job) {
        job.start();
        job.result().get(request.limits().timeLimit().toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException slow) {
        limitHit = true;
        LOG.info(() -> "preview=" + request.previewId() + " cancelled at its time limit of "
            + request.limits().timeLimit().toMillis() + " ms");
      } catch (ExecutionException failed) {
        // The tap of the failing node has usually located it; a failure outside any operator is reported unlocated.
        captures.failed(null, TappedOperators.describe(failed.getCause()));
      } catch (CancellationException impossible) {
        captures.failed(null, "the preview was cancelled");
      } catch (Exception startFailed) {
        captures.failed(null, TappedOperators.describe(startFailed));
      }
    } finally {
      state.close();
      deleteRecursively(work);
    }
    long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    return captures.outcome(elapsed, limitHit);
  }

  /** The same graph with one subtask per node: outputs in input order, one thread per chain, no shuffling. */
  static PhysicalPlan singleSubtask(PhysicalPlan plan) {
    JobGraph graph = plan.graph();
    List<JobVertex> vertices = graph.vertices().stream()
        .map(v -> new JobVertex(v.id(), v.kind(), 1, v.keyed(), v.settings(), v.inputTypes()))
        .toList();
    return new PhysicalPlanner().plan(new JobGraph(graph.name(), graph.maxParallelism(), vertices, graph.edges()));
  }

  private Path createWorkDirectory(String previewId) {
    try {
      Files.createDirectories(workRoot);
      return Files.createTempDirectory(workRoot, "preview-" + previewId.replaceAll("[^A-Za-z0-9-]", "_") + "-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a preview directory under " + workRoot, e);
    }
  }

  private static void deleteRecursively(Path root) {
    try {
      if (!Files.exists(root)) {
        return;
      }
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
          Files.delete(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
          Files.delete(dir);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      LOG.warning(() -> "preview directory " + root + " not fully deleted: " + e);
    }
  }
}
