package io.millrace.controlplane.connection.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.millrace.controlplane.api.ApiProblem;
import io.millrace.controlplane.api.FieldError;
import io.millrace.controlplane.audit.AuditHash;
import io.millrace.controlplane.audit.AuditLog;
import io.millrace.controlplane.connection.crypto.SecretCipher;
import io.millrace.controlplane.connection.crypto.SecretDecryptionException;
import io.millrace.controlplane.connection.persistence.KafkaConnectionEntity;
import io.millrace.controlplane.connection.persistence.KafkaConnectionRepository;
import io.millrace.controlplane.security.Caller;
import io.millrace.controlplane.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * Kafka connections of a tenant: admins create, update and delete them (each write audited with a hash of the
 * ENCRYPTED row, never of a plaintext), every member may read them without values, the submit-time policy reads
 * their grants, and a deployment gets them decrypted. Every method is scoped to one tenant: another tenant's
 * connection is "not found".
 */
@ApplicationScoped
public class KafkaConnectionService {

    private static final Logger LOG = Logger.getLogger(KafkaConnectionService.class);
    private static final String RESOURCE = "kafka_connection";
    private static final TypeReference<TreeMap<String, String>> SEALED_MAP = new TypeReference<>() {
    };

    private final KafkaConnectionRepository connections;
    private final ConnectionSecrets secrets;
    private final AuditLog audit;
    private final ObjectMapper json = new ObjectMapper();
    private final Clock clock = Clock.systemUTC();

    public KafkaConnectionService(KafkaConnectionRepository connections, ConnectionSecrets secrets, AuditLog audit) {
        this.connections = connections;
        this.secrets = secrets;
        this.audit = audit;
    }

    @Transactional
    public List<KafkaConnectionView> list(Caller caller) {
        return connections.listInTenant(caller.tenantId()).stream().map(this::view).toList();
    }

    @Transactional
    public KafkaConnectionView get(Caller caller, String name) {
        return view(find(caller, name));
    }

    @Transactional
    public KafkaConnectionView create(Caller caller, String name, KafkaConnectionChange change) {
        requireAdmin(caller);
        List<FieldError> errors = KafkaConnectionRules.newList();
        KafkaConnectionRules.checkName(name, errors);
        Map<String, String> properties = new TreeMap<>();
        if (change.properties() != null) {
            change.properties().forEach((property, value) -> {
                if (value == null || KafkaConnectionRules.MASK.equals(value)) {
                    errors.add(new FieldError("properties." + property, "/properties/" + property, null, null,
                            "property '" + property + "' needs a value when the connection is created"));
                } else {
                    properties.put(property, value);
                }
            });
        }
        validate(change, properties, errors);
        if (connections.findInTenant(caller.tenantId(), name).isPresent()) {
            throw ApiProblem.conflict("tenant " + caller.tenantId() + " already has a Kafka connection '" + name
                    + "'; change it with PUT /api/v1/kafka-connections/" + name);
        }
        SecretCipher cipher = apiCipher();
        KafkaConnectionEntity entity = KafkaConnectionEntity.created(caller.tenantId(), name, caller.userId(),
                clock.instant());
        Map<String, String> sealed = new TreeMap<>();
        properties.forEach((property, value) -> sealed.put(property,
                cipher.encrypt(value, associatedData(caller.tenantId(), name, property))));
        entity.set(change.bootstrapServers().trim(), toJson(sealed), cipher.keyId(), prefixes(change),
                caller.userId(), clock.instant());
        connections.persist(entity);
        audit.record(caller, "kafka-connection.create", RESOURCE, name, null, hash(entity));
        LOG.infof("tenant=%s user=%s: Kafka connection '%s' created (%s, properties %s)", caller.tenantId(),
                caller.userId(), name, entity.bootstrapServers(), sealed.keySet());
        return view(entity);
    }

    @Transactional
    public KafkaConnectionView update(Caller caller, String name, KafkaConnectionChange change) {
        requireAdmin(caller);
        KafkaConnectionEntity entity = find(caller, name);
        SecretCipher cipher = apiCipher();
        Map<String, String> sealed = sealedOf(entity);
        if (!sealed.isEmpty() && !entity.keyId().equals(cipher.keyId())) {
            throw new ApiProblem(409, "secrets-key-changed", "Stored with another key", "the properties of Kafka"
                    + " connection '" + name + "' were encrypted with key " + entity.keyId() + " but"
                    + " millrace.secrets.key is key " + cipher.keyId() + "; configure the old key, or delete and"
                    + " create the connection again");
        }
        Map<String, String> fresh = new TreeMap<>();
        List<String> removed = new java.util.ArrayList<>();
        if (change.properties() != null) {
            change.properties().forEach((property, value) -> {
                if (value == null) {
                    removed.add(property);
                } else if (!KafkaConnectionRules.MASK.equals(value)) {
                    fresh.put(property, value);
                }
            });
        }
        List<FieldError> errors = KafkaConnectionRules.newList();
        for (String property : removed) {
            if (!sealed.containsKey(property)) {
                errors.add(new FieldError("properties." + property, "/properties/" + property, null, null,
                        "property '" + property + "' is not set on this connection, so it cannot be removed"));
            }
        }
        validate(change, fresh, errors);
        String before = hash(entity);
        removed.forEach(sealed::remove);
        fresh.forEach((property, value) -> sealed.put(property,
                cipher.encrypt(value, associatedData(caller.tenantId(), name, property))));
        entity.set(change.bootstrapServers().trim(), toJson(sealed), cipher.keyId(), prefixes(change),
                caller.userId(), clock.instant());
        audit.record(caller, "kafka-connection.update", RESOURCE, name, before, hash(entity));
        LOG.infof("tenant=%s user=%s: Kafka connection '%s' updated (%s, properties %s; set %s, removed %s)",
                caller.tenantId(), caller.userId(), name, entity.bootstrapServers(), sealed.keySet(), fresh.keySet(),
                removed);
        return view(entity);
    }

    @Transactional
    public void delete(Caller caller, String name) {
        requireAdmin(caller);
        KafkaConnectionEntity entity = find(caller, name);
        String before = hash(entity);
        connections.delete(entity);
        audit.record(caller, "kafka-connection.delete", RESOURCE, name, before, null);
        LOG.infof("tenant=%s user=%s: Kafka connection '%s' deleted", caller.tenantId(), caller.userId(), name);
    }

    /** Every connection of the tenant, by name, without credentials: for the submit-time topic policy. */
    @Transactional
    public Map<String, KafkaConnectionGrant> grants(String tenantId) {
        Map<String, KafkaConnectionGrant> grants = new LinkedHashMap<>();
        for (KafkaConnectionEntity entity : connections.listInTenant(tenantId)) {
            grants.put(entity.name(), new KafkaConnectionGrant(entity.name(), entity.bootstrapServers(),
                    entity.allowedTopicPrefixes()));
        }
        return grants;
    }

    /**
     * The named connections of the tenant, decrypted, for a deployment.
     *
     * @throws IllegalStateException naming the missing connection, or why its properties cannot be decrypted
     */
    @Transactional
    public Map<String, ResolvedKafkaConnection> forDeployment(String tenantId, Collection<String> names) {
        Map<String, ResolvedKafkaConnection> resolved = new TreeMap<>();
        for (String name : names) {
            KafkaConnectionEntity entity = connections.findInTenant(tenantId, name).orElseThrow(
                    () -> new IllegalStateException("no Kafka connection '" + name + "' in tenant " + tenantId
                            + " (deleted after the job was submitted?); an admin creates it under"
                            + " /api/v1/kafka-connections"));
            Map<String, String> sealed = sealedOf(entity);
            Map<String, String> plain = new TreeMap<>();
            if (!sealed.isEmpty()) {
                SecretCipher cipher = secrets.cipher();
                try {
                    sealed.forEach((property, value) -> plain.put(property,
                            cipher.decrypt(value, entity.keyId(), associatedData(tenantId, name, property))));
                } catch (SecretDecryptionException e) {
                    throw new IllegalStateException("Kafka connection '" + name + "' of tenant " + tenantId
                            + " cannot be decrypted: " + e.getMessage());
                }
            }
            resolved.put(name, new ResolvedKafkaConnection(entity.bootstrapServers(), plain));
        }
        return resolved;
    }

    private void validate(KafkaConnectionChange change, Map<String, String> newValues, List<FieldError> errors) {
        KafkaConnectionRules.checkBootstrapServers(change.bootstrapServers(), errors);
        KafkaConnectionRules.checkProperties(newValues, errors);
        KafkaConnectionRules.checkPrefixes(change.allowedTopicPrefixes(), errors);
        if (!errors.isEmpty()) {
            throw ApiProblem.badRequest("the Kafka connection is not valid: " + errors.size() + " problem"
                    + (errors.size() == 1 ? "" : "s") + " (see errors)", errors);
        }
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.allows(Role.ADMIN)) {
            throw ApiProblem.forbidden("managing Kafka connections needs the admin role in tenant "
                    + caller.tenantId() + "; you have " + caller.role().wireName());
        }
    }

    private KafkaConnectionEntity find(Caller caller, String name) {
        return connections.findInTenant(caller.tenantId(), name).orElseThrow(() -> ApiProblem.notFound(
                "no Kafka connection '" + name + "' in tenant " + caller.tenantId()));
    }

    private SecretCipher apiCipher() {
        try {
            return secrets.cipher();
        } catch (IllegalStateException e) {
            throw new ApiProblem(503, "secrets-key-missing", "Secrets key not configured", e.getMessage()
                    + " (an operator sets it; nothing was stored)");
        }
    }

    private KafkaConnectionView view(KafkaConnectionEntity entity) {
        return new KafkaConnectionView(entity.name(), entity.bootstrapServers(),
                List.copyOf(sealedOf(entity).keySet()), entity.allowedTopicPrefixes(), entity.createdBy(),
                entity.createdAt(), entity.updatedBy(), entity.updatedAt());
    }

    private static List<String> prefixes(KafkaConnectionChange change) {
        return change.allowedTopicPrefixes() == null ? List.of() : List.copyOf(change.allowedTopicPrefixes());
    }

    /** Binds a value to its place: the same ciphertext in another tenant, connection or property fails its tag. */
    static String associatedData(String tenantId, String name, String property) {
        return "millrace/kafka_connection\n" + tenantId + "\n" + name + "\n" + property;
    }

    private Map<String, String> sealedOf(KafkaConnectionEntity entity) {
        try {
            return json.readValue(entity.encryptedProperties(), SEALED_MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("kafka_connection " + entity.id() + ": client_properties is not the"
                    + " JSON object this service writes");
        }
    }

    private String toJson(Map<String, String> sealed) {
        try {
            return json.writeValueAsString(new TreeMap<>(sealed));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serializes", e);
        }
    }

    private static String hash(KafkaConnectionEntity entity) {
        return AuditHash.of(RESOURCE + "\n" + entity.name() + "\n" + entity.bootstrapServers() + "\n"
                + entity.allowedTopicPrefixes() + "\n" + entity.keyId() + "\n" + entity.encryptedProperties());
    }
}
