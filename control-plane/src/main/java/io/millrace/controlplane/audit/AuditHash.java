package io.millrace.controlplane.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The before/after hashes of audit entries: SHA-256 of a resource's canonical text (for example its JSON with sorted
 * keys). A hash tells "this changed" and lets someone holding a copy prove which version it was, without copying
 * resource contents (which may be sensitive) into the audit log.
 */
public final class AuditHash {

    private AuditHash() {
    }

    /** {@code sha256:<hex>} of the text, or null for null (the resource did not exist). */
    public static String of(String canonical) {
        if (canonical == null) {
            return null;
        }
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
