package io.millrace.controlplane.connection.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A tenant's Kafka connection (table {@code kafka_connection}). Holds the client properties only as the encrypted
 * JSON the service wrote; this class never sees a plaintext value. No {@code toString}: nothing to print.
 */
@Entity
@Table(name = "kafka_connection")
public class KafkaConnectionEntity {

    @Id
    private UUID id;
    @Column(name = "tenant_id", nullable = false)
    private String tenantId;
    @Column(nullable = false)
    private String name;
    @Column(name = "bootstrap_servers", nullable = false)
    private String bootstrapServers;
    @Column(name = "client_properties", nullable = false)
    private String encryptedProperties;
    @Column(name = "key_id", nullable = false)
    private String keyId;
    @Column(name = "allowed_topic_prefixes")
    private String allowedTopicPrefixes;
    @Column(name = "created_by", nullable = false)
    private String createdBy;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_by", nullable = false)
    private String updatedBy;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected KafkaConnectionEntity() {
        // for JPA
    }

    public static KafkaConnectionEntity created(String tenantId, String name, String createdBy, Instant now) {
        KafkaConnectionEntity entity = new KafkaConnectionEntity();
        entity.id = UUID.randomUUID();
        entity.tenantId = tenantId;
        entity.name = name;
        entity.createdBy = createdBy;
        entity.createdAt = now;
        entity.updatedBy = createdBy;
        entity.updatedAt = now;
        return entity;
    }

    /** Replaces the settings; {@code encryptedProperties} is the service's encrypted JSON, never plaintext. */
    public void set(String bootstrapServers, String encryptedProperties, String keyId, List<String> prefixes,
            String by, Instant now) {
        this.bootstrapServers = bootstrapServers;
        this.encryptedProperties = encryptedProperties;
        this.keyId = keyId;
        this.allowedTopicPrefixes = prefixes == null || prefixes.isEmpty() ? null : String.join(",", prefixes);
        this.updatedBy = by;
        this.updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    public String name() {
        return name;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public String encryptedProperties() {
        return encryptedProperties;
    }

    public String keyId() {
        return keyId;
    }

    /** Empty: any topic. */
    public List<String> allowedTopicPrefixes() {
        return allowedTopicPrefixes == null ? List.of() : Arrays.asList(allowedTopicPrefixes.split(","));
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String updatedBy() {
        return updatedBy;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
