package io.millrace.controlplane.job.rest;

/** Body of {@code POST /api/v1/jobs/{id}/rescale}. */
public record RescaleRequest(Integer parallelism) {
}
