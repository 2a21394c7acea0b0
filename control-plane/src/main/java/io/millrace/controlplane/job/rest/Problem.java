package io.millrace.controlplane.job.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** RFC 9457 problem details of the first cut; only the HTTP ingest still answers with it (jobs use api.ApiProblem). */
@Schema(name = "Problem", description = "What went wrong, why, and how to fix it.")
public record Problem(String type, String title, int status, String detail) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
