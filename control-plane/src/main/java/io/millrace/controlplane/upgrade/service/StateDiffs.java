package io.millrace.controlplane.upgrade.service;

import io.millrace.controlplane.api.ApiProblem;
import io.millrace.controlplane.pipeline.service.SpecChecker;
import io.millrace.spec.model.PipelineSpec;
import io.millrace.spec.model.Spec;
import io.millrace.spec.parse.Format;
import io.millrace.spec.statediff.StateDiff;
import io.millrace.spec.statediff.StateDiffer;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Spec texts → validated pipelines (at the parallelism they run or will run with) → pipeline-spec's per-node state
 * diff. The parallelism matters: a rescaled stateful node is COMPATIBLE, not KEPT.
 */
@ApplicationScoped
public class StateDiffs {

    /** One side of a diff: a spec text, its format (null: sniffed) and a parallelism override (null: the spec's). */
    public record Side(String spec, Format format, Integer parallelism) {
    }

    /** The two validated pipelines and their diff. */
    public record Compared(PipelineSpec from, PipelineSpec to, StateDiff diff) {
    }

    private final SpecChecker specs;
    private final StateDiffer differ = StateDiffer.standard();

    public StateDiffs(SpecChecker specs) {
        this.specs = specs;
    }

    public Compared compare(Side from, Side to) {
        PipelineSpec before = pipeline(from, "running");
        PipelineSpec after = pipeline(to, "new");
        return new Compared(before, after, differ.diff(before, after));
    }

    private PipelineSpec pipeline(Side side, String which) {
        var checked = specs.check(side.spec(), side.format());
        if (!checked.valid()) {
            // Stored versions and job specs were valid when written; a catalog change can make one invalid later.
            throw new ApiProblem(409, "spec-no-longer-valid", "Spec no longer valid", "the " + which + " spec does"
                    + " not validate any more (" + checked.errors().get(0).message() + "); no state diff can be"
                    + " computed");
        }
        PipelineSpec pipeline = checked.pipeline().orElseThrow();
        Integer parallelism = side.parallelism();
        if (parallelism == null || parallelism == pipeline.spec().parallelism()) {
            return pipeline;
        }
        Spec spec = pipeline.spec();
        return new PipelineSpec(pipeline.apiVersion(), pipeline.kind(), pipeline.metadata(),
                new Spec(parallelism, spec.maxParallelism(), spec.checkpointing(), spec.restartStrategy(),
                        spec.nodes()));
    }
}
