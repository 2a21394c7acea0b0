package io.millrace.worker.identity;

/**
 * What this worker tells the control plane about itself when it registers.
 *
 * @param id stable worker id (config or generated)
 * @param host host name, for operators
 * @param slots task slots offered
 * @param memoryBytes memory for tasks: the JVM's max heap
 * @param buildVersion version of this worker build
 */
public record WorkerIdentity(String id, String host, int slots, long memoryBytes, String buildVersion) {

    public WorkerIdentity {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("worker id must not be blank (millrace.worker.id)");
        }
        if (slots < 1) {
            throw new IllegalArgumentException(
                    "millrace.worker.slots must be at least 1, got " + slots + "; set it to the number of tasks this"
                            + " worker may run at once");
        }
    }
}
