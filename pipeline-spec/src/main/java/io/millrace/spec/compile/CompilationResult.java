package io.millrace.spec.compile;

import io.millrace.spec.plan.PhysicalPlan;
import io.millrace.spec.validate.ValidationResult;
import java.util.Objects;
import java.util.Optional;

/**
 * The validation of a spec and, when it is valid, its physical plan.
 *
 * @param validation every diagnostic (errors and warnings)
 * @param plan the plan, present exactly when the spec is valid
 */
public record CompilationResult(ValidationResult validation, Optional<PhysicalPlan> plan) {
  public CompilationResult {
    Objects.requireNonNull(validation, "validation");
    Objects.requireNonNull(plan, "plan");
  }
}
