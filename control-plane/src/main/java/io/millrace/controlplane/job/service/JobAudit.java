package io.millrace.controlplane.job.service;

import io.millrace.controlplane.security.Caller;
import java.util.Objects;

/** Who asked for a job write and what it is ({@code job.deploy}, {@code job.stop}, ...), for the audit log. */
record JobAudit(Caller caller, String action) {

    JobAudit {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(action, "action");
    }
}
