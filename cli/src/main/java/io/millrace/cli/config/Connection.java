package io.millrace.cli.config;

/**
 * The control plane to talk to and the credential to send, after the environment overrode the stored login.
 * {@link #toString()} never shows the token.
 *
 * @param baseUrl without a trailing slash
 */
public record Connection(String baseUrl, String token) {

    public Connection {
        baseUrl = stripTrailingSlashes(baseUrl);
    }

    private static String stripTrailingSlashes(String url) {
        String u = url.trim();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }

    @Override
    public String toString() {
        return "Connection[" + baseUrl + "]";
    }
}
