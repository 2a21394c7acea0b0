package io.millrace.cli.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What {@code login} stores. {@link #toString()} never shows the token, so a config can be logged or printed safely.
 *
 * @param url the control plane's base URL, e.g. {@code https://millrace.example.com}
 * @param token a Millrace API token ({@code mr_...}) or an OIDC access token
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CliConfig(String url, String token) {

    @Override
    public String toString() {
        return "CliConfig[url=" + url + ", token=" + (token == null ? "none" : "(hidden)") + "]";
    }
}
