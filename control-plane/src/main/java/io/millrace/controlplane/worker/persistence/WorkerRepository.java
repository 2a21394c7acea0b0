package io.millrace.controlplane.worker.persistence;

import io.millrace.controlplane.worker.WorkerState;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;

/** Queries over the {@code worker} table. */
@ApplicationScoped
public class WorkerRepository implements PanacheRepositoryBase<WorkerEntity, String> {

    /** CONNECTED workers whose last heartbeat is before {@code cutoff}, locked for update. */
    public List<WorkerEntity> connectedWithHeartbeatBefore(Instant cutoff) {
        return find("state = ?1 and lastHeartbeatAt < ?2", WorkerState.CONNECTED, cutoff)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
    }

    public List<WorkerEntity> allById() {
        return listAll(Sort.by("id"));
    }
}
