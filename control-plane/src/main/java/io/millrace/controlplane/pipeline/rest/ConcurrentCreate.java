package io.millrace.controlplane.pipeline.rest;

import java.util.function.Supplier;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Two first applies of the same new pipeline race: both find no row to lock, and the second insert fails on the
 * unique (tenant, name) key. The loser simply runs again: it then finds the winner's pipeline and applies on top of
 * it (or finds the same spec and does nothing), which is what a client retrying would get.
 */
final class ConcurrentCreate {

    private ConcurrentCreate() {
    }

    static <T> T retryOnce(Supplier<T> write) {
        try {
            return write.get();
        } catch (RuntimeException e) {
            if (!lostCreateRace(e)) {
                throw e;
            }
            return write.get();
        }
    }

    private static boolean lostCreateRace(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException violation && violation.getConstraintName() != null
                    && (violation.getConstraintName().contains("pipeline_tenant_name_key")
                            || violation.getConstraintName().contains("pipeline_version_pkey"))) {
                return true;
            }
        }
        return false;
    }
}
