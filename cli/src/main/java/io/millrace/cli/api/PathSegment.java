package io.millrace.cli.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Escapes one URL path segment (a pipeline name, a job id) so it can never change the path's shape. */
public final class PathSegment {

    private PathSegment() {
    }

    public static String of(String value) {
        // URLEncoder is for forms: '+' means space there, so spaces are re-escaped for a path.
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
