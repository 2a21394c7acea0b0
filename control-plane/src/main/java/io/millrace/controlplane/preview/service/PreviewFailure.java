package io.millrace.controlplane.preview.service;

import io.millrace.controlplane.api.ApiProblem;
import io.millrace.controlplane.api.FieldError;
import java.util.List;

/** The problems a preview can end in, with their stable slugs (part of the API contract: never rename one). */
final class PreviewFailure {

    private PreviewFailure() {}

    static ApiProblem invalidSpec(String detail, List<FieldError> errors) {
        return new ApiProblem(400, "invalid-spec", "Invalid pipeline spec", detail, errors);
    }

    static ApiProblem samplesTooLarge(String detail) {
        return new ApiProblem(413, "preview-samples-too-large", "Preview samples too large", detail);
    }

    static ApiProblem noWorker(String detail) {
        return new ApiProblem(503, "no-preview-worker", "No worker can run the preview", detail);
    }

    static ApiProblem notRunnable(String detail, List<FieldError> errors) {
        return new ApiProblem(400, "preview-not-runnable", "The preview cannot run", detail, errors);
    }

    static ApiProblem workerFailed(String detail) {
        return new ApiProblem(503, "preview-worker-failed", "The worker could not run the preview", detail);
    }

    static ApiProblem timedOut(String detail) {
        return new ApiProblem(504, "preview-timeout", "The preview did not answer in time", detail);
    }
}
