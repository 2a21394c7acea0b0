package io.millrace.controlplane.tenant.persistence;

import java.io.Serializable;
import java.util.Objects;

/** Primary key of {@code member}: one membership per (tenant, user). A JPA id class, so mutable with a no-arg constructor. */
public class MemberKey implements Serializable {

    private String tenantId;
    private String userId;

    public MemberKey() {
        // for JPA
    }

    public MemberKey(String tenantId, String userId) {
        this.tenantId = tenantId;
        this.userId = userId;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MemberKey key && Objects.equals(tenantId, key.tenantId)
                && Objects.equals(userId, key.userId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tenantId, userId);
    }
}
