package io.millrace.controlplane.pipeline.rest;

import io.millrace.spec.parse.Format;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;

/** The spec format a request's Content-Type declares, and the media type a stored format is served as. */
final class SpecFormats {

    static final String YAML = "application/yaml";
    /** What spec bodies may be sent as (text/plain: the format is sniffed). */
    static final String[] ACCEPTED = { YAML, "application/x-yaml", "text/yaml", MediaType.APPLICATION_JSON,
            MediaType.TEXT_PLAIN };

    private SpecFormats() {
    }

    /** JSON or YAML when the content type says so; null (sniff the text) otherwise. */
    static Format declared(String contentType) {
        if (contentType == null) {
            return null;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        if (type.contains("json")) {
            return Format.JSON;
        }
        return type.contains("yaml") ? Format.YAML : null;
    }

    static String mediaType(String storedFormat) {
        return Format.JSON.name().equals(storedFormat) ? MediaType.APPLICATION_JSON : YAML;
    }
}
