package io.millrace.worker.execution;

/**
 * A deployment could not be built (undecodable plan, unknown connector kind or state backend, undecodable restore
 * state). Every task of the deployment is reported FAILED with this message.
 */
public final class DeploymentException extends RuntimeException {

    private final boolean restoreFailed;

    public DeploymentException(String message, boolean restoreFailed) {
        super(message);
        this.restoreFailed = restoreFailed;
    }

    public DeploymentException(String message, boolean restoreFailed, Throwable cause) {
        super(message, cause);
        this.restoreFailed = restoreFailed;
    }

    /** The restore state itself was unusable: the control plane should fall back to an earlier checkpoint. */
    public boolean restoreFailed() {
        return restoreFailed;
    }
}
