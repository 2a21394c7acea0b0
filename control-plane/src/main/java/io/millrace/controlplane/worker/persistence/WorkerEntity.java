package io.millrace.controlplane.worker.persistence;

import io.millrace.controlplane.worker.WorkerState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A worker the control plane has seen (table {@code worker}, schema in {@code V1__workers.sql}). Workers are
 * cluster-wide, not tenant-owned, so the row carries no tenant id. State changes only through the methods here, which
 * enforce {@link WorkerState}'s transitions.
 */
@Entity
@Table(name = "worker")
public class WorkerEntity {

    @Id
    private String id;

    @Column(nullable = false)
    private String host;

    @Column(nullable = false)
    private int slots;

    @Column(name = "free_slots", nullable = false)
    private int freeSlots;

    @Column(name = "memory_bytes", nullable = false)
    private long memoryBytes;

    @Column(name = "build_version", nullable = false)
    private String buildVersion;

    @Column(name = "protocol_version", nullable = false)
    private String protocolVersion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private WorkerState state;

    /** The stream this row belongs to; events of an older, replaced stream must not touch the row. */
    @Column(name = "session_id", nullable = false)
    private UUID sessionId;

    @Column(name = "data_address", nullable = false)
    private String dataAddress = "";

    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;

    @Column(name = "last_heartbeat_at", nullable = false)
    private Instant lastHeartbeatAt;

    protected WorkerEntity() {
        // for JPA
    }

    public static WorkerEntity firstRegistration(String id) {
        WorkerEntity worker = new WorkerEntity();
        worker.id = id;
        return worker;
    }

    /** A (re-)registration over a new stream: refreshes everything the worker reported and starts a new session. */
    public void register(UUID session, String host, int slots, long memoryBytes, String buildVersion,
            String protocolVersion, String dataAddress, Instant now) {
        if (state != null) {
            requireTransition(WorkerState.CONNECTED);
        }
        this.sessionId = session;
        this.host = host;
        this.slots = slots;
        this.freeSlots = slots;
        this.memoryBytes = memoryBytes;
        this.buildVersion = buildVersion;
        this.protocolVersion = protocolVersion;
        this.dataAddress = dataAddress == null ? "" : dataAddress;
        this.state = WorkerState.CONNECTED;
        this.registeredAt = now;
        this.lastHeartbeatAt = now;
    }

    public void heartbeat(int freeSlots, Instant now) {
        if (state != WorkerState.CONNECTED) {
            throw new IllegalStateException("worker " + id + " is " + state + ", heartbeats are only taken from CONNECTED");
        }
        if (freeSlots < 0 || freeSlots > slots) {
            throw new IllegalArgumentException(
                    "free_slots " + freeSlots + " is outside 0.." + slots + " (the slots worker " + id + " registered)");
        }
        this.freeSlots = freeSlots;
        this.lastHeartbeatAt = now;
    }

    public void moveTo(WorkerState next) {
        requireTransition(next);
        this.state = next;
    }

    private void requireTransition(WorkerState next) {
        if (!state.canMoveTo(next)) {
            throw new IllegalStateException("worker " + id + " cannot move from " + state + " to " + next);
        }
    }

    public String id() {
        return id;
    }

    public String host() {
        return host;
    }

    public int slots() {
        return slots;
    }

    public int freeSlots() {
        return freeSlots;
    }

    public long memoryBytes() {
        return memoryBytes;
    }

    public String buildVersion() {
        return buildVersion;
    }

    public String protocolVersion() {
        return protocolVersion;
    }

    public WorkerState state() {
        return state;
    }

    public UUID sessionId() {
        return sessionId;
    }

    public String dataAddress() {
        return dataAddress;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public Instant lastHeartbeatAt() {
        return lastHeartbeatAt;
    }
}
