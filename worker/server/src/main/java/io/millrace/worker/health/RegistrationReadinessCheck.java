package io.millrace.worker.health;

import io.millrace.worker.connection.ConnectionState;
import io.millrace.worker.connection.ConnectionStatus;
import io.millrace.worker.identity.WorkerIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready means registered with the control plane: only then can it deploy tasks here. */
@Readiness
@ApplicationScoped
public class RegistrationReadinessCheck implements HealthCheck {

    private final ConnectionStatus status;
    private final String workerId;

    public RegistrationReadinessCheck(ConnectionStatus status, WorkerIdentity identity) {
        this.status = status;
        this.workerId = identity.id();
    }

    @Override
    public HealthCheckResponse call() {
        ConnectionState state = status.current();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("control-plane-registration")
                .status(state instanceof ConnectionState.Registered)
                .withData("workerId", workerId)
                .withData("state", state.name());
        if (state instanceof ConnectionState.Refused refused) {
            response.withData("reason", refused.reason());
        } else if (state instanceof ConnectionState.Disconnected disconnected) {
            response.withData("cause", disconnected.cause());
        }
        return response.build();
    }
}
