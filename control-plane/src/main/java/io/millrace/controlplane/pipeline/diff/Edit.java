package io.millrace.controlplane.pipeline.diff;

/** One line of a line diff: kept in both texts, deleted from the old one, or inserted in the new one. */
public record Edit(Op op, String line) {

    public enum Op {
        KEEP, DELETE, INSERT
    }
}
