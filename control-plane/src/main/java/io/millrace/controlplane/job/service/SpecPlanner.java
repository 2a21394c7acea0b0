package io.millrace.controlplane.job.service;

import io.millrace.controlplane.job.service.JobOperationException.Kind;
import io.millrace.spec.compile.CompilationResult;
import io.millrace.spec.compile.SpecCompiler;
import io.millrace.spec.model.PipelineSpec;
import io.millrace.spec.model.Spec;
import io.millrace.spec.parse.Format;
import io.millrace.spec.plan.PhysicalPlan;
import io.millrace.spec.validate.Diagnostic;
import io.millrace.spec.validate.ValidationResult;
import java.util.stream.Collectors;

/**
 * Spec text → validated pipeline → physical plan, optionally at another pipeline parallelism (submit override,
 * rescale). Re-planning recompiles the stored spec with {@code spec.parallelism} replaced, so the compiler's own edge
 * rules (FORWARD/REBALANCE/HASH, chaining) apply to the new parallelism; nodes that pin their own parallelism keep it.
 */
final class SpecPlanner {

    /** A compiled spec: the pipeline (for its settings) and its plan. */
    record Planned(PipelineSpec pipeline, PhysicalPlan plan) {
    }

    private final SpecCompiler compiler = SpecCompiler.standard();

    static Format formatOf(String text, Format declared) {
        if (declared != null) {
            return declared;
        }
        return text.stripLeading().startsWith("{") ? Format.JSON : Format.YAML;
    }

    Planned plan(String text, Format format, Integer parallelism) {
        CompilationResult result = compiler.compile(text, format);
        ValidationResult validation = result.validation();
        if (!validation.isValid() || validation.pipeline().isEmpty() || result.plan().isEmpty()) {
            String errors = validation.errors().stream().map(d -> d.format("spec")).collect(Collectors.joining("; "));
            throw new JobOperationException(Kind.INVALID, "the spec is not valid: "
                    + (errors.isEmpty() ? "no plan could be built" : errors));
        }
        PipelineSpec pipeline = validation.pipeline().get();
        if (parallelism == null) {
            return new Planned(pipeline, result.plan().get());
        }
        Spec spec = pipeline.spec();
        if (parallelism < 1 || parallelism > spec.maxParallelism()) {
            throw new JobOperationException(Kind.INVALID, "parallelism " + parallelism + " is outside 1.."
                    + spec.maxParallelism() + " (the spec's maxParallelism; key groups cannot be split further)");
        }
        PipelineSpec rescaled = new PipelineSpec(pipeline.apiVersion(), pipeline.kind(), pipeline.metadata(),
                new Spec(parallelism, spec.maxParallelism(), spec.checkpointing(), spec.restartStrategy(),
                        spec.nodes()));
        try {
            return new Planned(rescaled, compiler.plan(rescaled, validation.outputTypes()));
        } catch (IllegalArgumentException e) {
            throw new JobOperationException(Kind.INVALID, "the spec cannot run at parallelism " + parallelism + ": "
                    + e.getMessage());
        }
    }

    static String describe(Diagnostic diagnostic) {
        return diagnostic.format("spec");
    }
}
