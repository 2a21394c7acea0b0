package io.millrace.controlplane.connection.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

    private static final String SECRET = "org.apache.kafka.common.security.plain.PlainLoginModule required"
            + " username=\"acme\" password=\"s3cr3t-hunter2\";";
    private static final String AAD = "millrace/kafka_connection\nacme\nbilling\nsasl.jaas.config";

    private static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    @Test
    void roundTripsAndNeverStoresThePlaintext() {
        SecretCipher cipher = SecretCipher.fromBase64(newKey());
        String sealed = cipher.encrypt(SECRET, AAD);
        assertThat(sealed).doesNotContain("s3cr3t").doesNotContain("username");
        assertThat(new String(Base64.getDecoder().decode(sealed), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("s3cr3t");
        assertThat(cipher.decrypt(sealed, cipher.keyId(), AAD)).isEqualTo(SECRET);
    }

    @Test
    void everyEncryptionUsesAFreshNonce() {
        SecretCipher cipher = SecretCipher.fromBase64(newKey());
        String first = cipher.encrypt(SECRET, AAD);
        String second = cipher.encrypt(SECRET, AAD);
        assertThat(first).isNotEqualTo(second);
        byte[] a = java.util.Arrays.copyOf(Base64.getDecoder().decode(first), 12);
        byte[] b = java.util.Arrays.copyOf(Base64.getDecoder().decode(second), 12);
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void aTamperedValueFailsItsTag() {
        SecretCipher cipher = SecretCipher.fromBase64(newKey());
        byte[] bytes = Base64.getDecoder().decode(cipher.encrypt(SECRET, AAD));
        bytes[bytes.length / 2] ^= 0x01;
        String tampered = Base64.getEncoder().encodeToString(bytes);
        assertThatThrownBy(() -> cipher.decrypt(tampered, cipher.keyId(), AAD))
                .isInstanceOf(SecretDecryptionException.class).hasMessageContaining("altered")
                .hasMessageNotContaining("s3cr3t");
    }

    @Test
    void aValueMovedToAnotherConnectionOrPropertyFails() {
        SecretCipher cipher = SecretCipher.fromBase64(newKey());
        String sealed = cipher.encrypt(SECRET, AAD);
        assertThatThrownBy(() -> cipher.decrypt(sealed, cipher.keyId(),
                "millrace/kafka_connection\nglobex\nbilling\nsasl.jaas.config"))
                .isInstanceOf(SecretDecryptionException.class).hasMessageContaining("belongs to another");
    }

    @Test
    void theWrongKeyIsNamedAsSuch() {
        SecretCipher stored = SecretCipher.fromBase64(newKey());
        SecretCipher configured = SecretCipher.fromBase64(newKey());
        String sealed = stored.encrypt(SECRET, AAD);
        assertThat(configured.keyId()).isNotEqualTo(stored.keyId()).hasSize(16);
        assertThatThrownBy(() -> configured.decrypt(sealed, stored.keyId(), AAD))
                .isInstanceOf(SecretDecryptionException.class)
                .hasMessageContaining("encrypted with key " + stored.keyId())
                .hasMessageContaining("millrace.secrets.key is key " + configured.keyId());
        // Even if the stored key id were wrong, the tag would still refuse the other key's output.
        assertThatThrownBy(() -> configured.decrypt(sealed, configured.keyId(), AAD))
                .isInstanceOf(SecretDecryptionException.class);
    }

    @Test
    void aBadKeyIsRejectedWithoutEchoingIt() {
        assertThatThrownBy(() -> SecretCipher.fromBase64("not base64 !!"))
                .hasMessageContaining("not valid base64").hasMessageNotContaining("!!");
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> SecretCipher.fromBase64(shortKey))
                .hasMessageContaining("32 bytes").hasMessageContaining("decodes to 16");
    }
}
