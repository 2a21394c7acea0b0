package io.millrace.worker.connection;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.containsString;

import io.millrace.protocol.ProtocolVersion;
import io.millrace.protocol.v1.Heartbeat;
import io.millrace.protocol.v1.RegisterWorker;
import io.millrace.worker.data.DataPlane;
import io.quarkus.test.common.QuarkusTestResource;
import io.restassured.RestAssured;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The real worker process against a real gRPC server standing in for the control plane. Ordered: the refusal test
 * leaves the worker refused (it asks again only after 10 minutes in the test profile), so it runs last.
 */
@QuarkusTest
@QuarkusTestResource(FakeControlPlaneResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ControlPlaneConnectionIT {

    private static final String REGISTRATION_CHECK = "checks.find { it.name == 'control-plane-registration' }";

    FakeControlPlane controlPlane;

    @Inject
    DataPlane dataPlane;

    @Test
    @Order(1)
    void registersWithItsConfiguredIdentityAndHeartbeats() {
        await().atMost(Duration.ofSeconds(10)).until(() -> !controlPlane.registrations().isEmpty());
        RegisterWorker registration = controlPlane.registrations().get(0);
        assertThat(registration.getWorkerId()).isEqualTo("test-worker-1");
        assertThat(registration.getSlots()).isEqualTo(3);
        assertThat(registration.getProtocolVersion()).isEqualTo(ProtocolVersion.CURRENT.toString());
        assertThat(registration.getMemoryBytes()).isEqualTo(Runtime.getRuntime().maxMemory());
        assertThat(registration.getHost()).isNotBlank();
        assertThat(registration.getBuildVersion()).isNotBlank();
        // The data port is ephemeral by default: peers must be told the port it actually bound, which is not HTTP's.
        assertThat(registration.getDataAddress()).isEqualTo("127.0.0.1:" + dataPlane.boundPort().orElseThrow())
                .isNotEqualTo("127.0.0.1:" + RestAssured.port);

        await().atMost(Duration.ofSeconds(10)).until(() -> controlPlane.heartbeats().size() >= 3);
        List<Heartbeat> beats = List.copyOf(controlPlane.heartbeats()).subList(0, 3);
        assertThat(beats).extracting(Heartbeat::getSeq).containsExactly(1L, 2L, 3L);
        assertThat(beats).allSatisfy(beat -> {
            assertThat(beat.getFreeSlots()).isEqualTo(3);
            assertThat(beat.getRunningList()).isEmpty();
            assertThat(beat.getSentAtMillis()).isPositive();
        });

        given().get("/q/health/ready").then()
                .statusCode(200)
                .body(REGISTRATION_CHECK + ".status", equalTo("UP"))
                .body(REGISTRATION_CHECK + ".data.state", equalTo("REGISTERED"))
                .body(REGISTRATION_CHECK + ".data.workerId", equalTo("test-worker-1"));
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    @Order(2)
    void reconnectsAndRegistersAgainAfterTheControlPlaneRestarts() {
        await().atMost(Duration.ofSeconds(10)).until(() -> !controlPlane.registrations().isEmpty());
        int registrationsBefore = controlPlane.registrations().size();

        controlPlane.restart();

        await().atMost(Duration.ofSeconds(10)).until(() -> controlPlane.registrations().size() > registrationsBefore);
        RegisterWorker again = controlPlane.registrations().get(registrationsBefore);
        assertThat(again.getWorkerId()).isEqualTo("test-worker-1");
        assertThat(again.getSlots()).isEqualTo(3);
        // The new session heartbeats too: its sequence starts over at 1.
        int heartbeatsAtReRegistration = controlPlane.heartbeats().size();
        await().atMost(Duration.ofSeconds(10)).until(() -> controlPlane.heartbeats().size() > heartbeatsAtReRegistration);
        assertThat(controlPlane.heartbeats()).extracting(Heartbeat::getSeq).containsSubsequence(3L, 1L);
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    @Order(3)
    void aRefusedRegistrationIsReportedByReadinessAndNotRetriedInALoop() {
        controlPlane.refuseWith("worker speaks protocol 1.0 but this control plane speaks 2.0");
        int streamsBefore = controlPlane.streamsOpened();

        controlPlane.restart();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/q/health/ready").then()
                .statusCode(503)
                .body(REGISTRATION_CHECK + ".data.state", equalTo("REFUSED"))
                .body(REGISTRATION_CHECK + ".data.reason", containsString("this control plane speaks 2.0")));
        assertThat(controlPlane.streamsOpened()).isEqualTo(streamsBefore + 1);
        // With a 50 ms initial backoff a retry loop would open dozens of streams in this window; a refused worker
        // opens none until its after-refusal delay (10 minutes in the test profile) has passed.
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3))
                .until(() -> controlPlane.streamsOpened() == streamsBefore + 1);
    }
}
