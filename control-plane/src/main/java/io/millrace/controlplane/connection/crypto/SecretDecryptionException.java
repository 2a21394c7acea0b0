package io.millrace.controlplane.connection.crypto;

/** A stored secret cannot be decrypted: another key, or the stored bytes were altered. The message names no secret. */
public class SecretDecryptionException extends RuntimeException {

    public SecretDecryptionException(String message) {
        super(message);
    }
}
