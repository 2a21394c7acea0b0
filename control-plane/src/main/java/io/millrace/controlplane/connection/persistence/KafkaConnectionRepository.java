package io.millrace.controlplane.connection.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Queries over {@code kafka_connection}. Every query names the tenant. */
@ApplicationScoped
public class KafkaConnectionRepository implements PanacheRepositoryBase<KafkaConnectionEntity, UUID> {

    public Optional<KafkaConnectionEntity> findInTenant(String tenantId, String name) {
        return find("tenantId = ?1 and name = ?2", tenantId, name).firstResultOptional();
    }

    public List<KafkaConnectionEntity> listInTenant(String tenantId) {
        return list("tenantId", Sort.by("name"), tenantId);
    }
}
