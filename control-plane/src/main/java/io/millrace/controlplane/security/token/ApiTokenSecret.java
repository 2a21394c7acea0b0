package io.millrace.controlplane.security.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A token secret: {@code mr_} + 43 URL-safe characters (256 random bits). Only its SHA-256 is stored: a leaked table
 * gives no usable token, and a salt is not needed because the secret itself is random and long. The prefix
 * ({@code mr_} + 8 characters) is kept in clear so people can tell their tokens apart.
 */
public record ApiTokenSecret(String secret, String sha256, String prefix) {

    public static final String MARKER = "mr_";
    private static final int RANDOM_BYTES = 32;
    private static final int PREFIX_LENGTH = MARKER.length() + 8;

    @Override
    public String toString() {
        return "ApiTokenSecret[prefix=" + prefix + "]";
    }

    public static ApiTokenSecret generate(SecureRandom random) {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        String secret = MARKER + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new ApiTokenSecret(secret, sha256Of(secret), secret.substring(0, PREFIX_LENGTH));
    }

    /** Whether a bearer credential is meant as a Millrace API token (rather than an OIDC JWT). */
    public static boolean looksLikeApiToken(String credential) {
        return credential != null && credential.startsWith(MARKER);
    }

    public static String sha256Of(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
