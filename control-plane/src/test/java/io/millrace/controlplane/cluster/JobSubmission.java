package io.millrace.controlplane.cluster;

import io.quarkus.arc.Arc;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.UUID;

/**
 * Submits a spec through the control plane's job service bean and returns the job id.
 *
 * <p>WHY reflection: this harness was written while the job service (branch i5-cp) was being built in parallel; the
 * lookup binds to {@code io.millrace.controlplane.job.service.JobService#submit(tenant, specText, ...)} at run time so
 * the cluster tests compile without it and fail with a precise message when it is missing. Replace with a direct
 * injected call once both branches are merged.
 */
final class JobSubmission {

    static final String SERVICE = "io.millrace.controlplane.job.service.JobService";

    private JobSubmission() {}

    static String submit(String tenant, String specYaml) {
        Class<?> type;
        try {
            type = Class.forName(SERVICE, true, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(SERVICE + " is not on the class path: merge the control-plane job service "
                    + "(branch i5-cp) before running the cluster tests", e);
        }
        Object service = Arc.container().instance(type).get();
        Method submit = Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals("submit") && m.getParameterCount() >= 2
                        && m.getParameterTypes()[0] == String.class && m.getParameterTypes()[1] == String.class)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(SERVICE + " has no submit(String tenant, String spec, ...)"));
        Object[] args = new Object[submit.getParameterCount()];
        args[0] = tenant;
        args[1] = specYaml;
        try {
            return jobId(submit.invoke(service, args));
        } catch (ReflectiveOperationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException("submit failed: " + cause.getMessage(), cause);
        }
    }

    private static String jobId(Object result) throws ReflectiveOperationException {
        if (result instanceof UUID || result instanceof String) {
            return result.toString();
        }
        return result.getClass().getMethod("id").invoke(result).toString();
    }
}
