package io.millrace.controlplane.pipeline.service;

/** What an apply did: the pipeline after it, and whether it created it, added a version, or found the same spec. */
public record ApplyOutcome(Kind kind, PipelineView pipeline) {

    public enum Kind {
        /** A new pipeline with version 1. */
        CREATED,
        /** The spec differed from the newest version: a new version. */
        VERSION_ADDED,
        /** The spec is the newest version's text exactly: nothing written, nothing audited. */
        UNCHANGED
    }
}
