package io.millrace.controlplane.pipeline.rest;

import io.millrace.controlplane.pipeline.service.CheckedSpec;
import io.millrace.controlplane.pipeline.service.SpecProblem;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer of {@code :validate}: every located problem, straight from pipeline-spec. */
@Schema(name = "Validation")
public record ValidationResponse(boolean valid, List<SpecProblem> errors, List<SpecProblem> warnings) {

    static ValidationResponse from(CheckedSpec checked) {
        return new ValidationResponse(checked.valid(), checked.errors(), checked.warnings());
    }
}
