package io.millrace.controlplane.pipeline.service;

import io.millrace.spec.model.PipelineSpec;
import io.millrace.spec.parse.Format;
import io.millrace.spec.plan.PhysicalPlan;
import java.util.List;
import java.util.Optional;

/**
 * A spec text after validation: every problem found, and when there is no error, the pipeline and its plan.
 *
 * @param text the spec exactly as sent
 * @param format the text's format (declared by the request's content type, or sniffed)
 */
public record CheckedSpec(String text, Format format, List<SpecProblem> errors, List<SpecProblem> warnings,
        Optional<PipelineSpec> pipeline, Optional<PhysicalPlan> plan) {

    public CheckedSpec {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    public boolean valid() {
        return errors.isEmpty() && pipeline.isPresent() && plan.isPresent();
    }

    /** The valid spec's {@code metadata.name}. */
    public String name() {
        return pipeline.orElseThrow().metadata().name();
    }

    public String description() {
        return pipeline.orElseThrow().metadata().description().orElse(null);
    }

    public String hash() {
        return SpecHash.of(text);
    }
}
