package io.millrace.controlplane.connection.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for secrets at rest. Every value gets its own random 96-bit nonce; the stored form is
 * {@code base64(nonce || ciphertext+tag)}. The caller passes associated data naming where the value belongs (tenant,
 * connection, property), so a ciphertext copied into another row or property fails to decrypt instead of leaking
 * there. The key id (first 16 hex digits of the key's SHA-256) is stored next to the values, so a wrong key is named
 * as such rather than reported as tampering. Pure and thread-safe (a {@link Cipher} per call).
 */
public final class SecretCipher {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final String keyId;
    private final SecureRandom random;

    private SecretCipher(byte[] key, SecureRandom random) {
        this.key = new SecretKeySpec(key, "AES");
        this.keyId = keyIdOf(key);
        this.random = random;
    }

    /**
     * @param base64Key the configured key ({@code millrace.secrets.key})
     * @throws IllegalArgumentException naming what is wrong with it (never echoing it)
     */
    public static SecretCipher fromBase64(String base64Key) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("millrace.secrets.key is not valid base64; generate one with"
                    + " 'openssl rand -base64 32'");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("millrace.secrets.key must decode to " + KEY_BYTES + " bytes (AES-256),"
                    + " it decodes to " + key.length + "; generate one with 'openssl rand -base64 32'");
        }
        return new SecretCipher(key, new SecureRandom());
    }

    /** Which key encrypted a value: stored with it, compared before decrypting. */
    public String keyId() {
        return keyId;
    }

    /** {@code base64(nonce || ciphertext+tag)} of {@code plaintext}, bound to {@code associatedData}. */
    public String encrypt(String plaintext, String associatedData) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce)
                    .put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java platform: " + e.getClass().getSimpleName(),
                    e);
        }
    }

    /**
     * The plaintext of a value this cipher's key encrypted for the same {@code associatedData}.
     *
     * @param storedKeyId the key id stored with the value
     * @throws SecretDecryptionException when the key differs, or the value was altered or moved
     */
    public String decrypt(String sealed, String storedKeyId, String associatedData) {
        if (!keyId.equals(storedKeyId)) {
            throw new SecretDecryptionException("the value was encrypted with key " + storedKeyId + " but"
                    + " millrace.secrets.key is key " + keyId + "; configure the key it was stored with (key rotation"
                    + " is not supported yet)");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(sealed);
        } catch (IllegalArgumentException e) {
            throw new SecretDecryptionException("the stored value is not base64: it was altered");
        }
        if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new SecretDecryptionException("the stored value is too short to be AES-GCM output: it was altered");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES),
                    StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new SecretDecryptionException("the stored value fails its authentication tag: it was altered or"
                    + " belongs to another connection or property");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java platform: " + e.getClass().getSimpleName(),
                    e);
        }
    }

    private static String keyIdOf(byte[] key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
            return HexFormat.of().formatHex(Arrays.copyOf(digest, 8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "SecretCipher[keyId=" + keyId + "]";
    }
}
