package io.millrace.controlplane.console;

import java.util.List;

/**
 * Which request paths belong to the console's client-side router. Any path that is not reserved for the server and
 * does not name a file is one: the console's router owns the rest of the URL space (its own "not found" page included),
 * so a new console page needs no change here.
 */
public final class ClientRoutes {

    /** Path roots the server answers itself; a console route never shadows them. */
    static final List<String> RESERVED_ROOTS = List.of("/api", "/q", "/assets");

    private ClientRoutes() {}

    /**
     * True when {@code path} (already normalised, starting with {@code /}) is a console deep link such as
     * {@code /jobs/42} or {@code /auth/callback}; false for reserved roots, for files ({@code /favicon.ico}: a last
     * segment with a dot) and for {@code /} itself (the static index answers it already).
     */
    public static boolean isClientRoute(String path) {
        if (path == null || !path.startsWith("/") || path.equals("/")) {
            return false;
        }
        for (String root : RESERVED_ROOTS) {
            if (path.equals(root) || path.startsWith(root + "/")) {
                return false;
            }
        }
        String lastSegment = path.substring(path.lastIndexOf('/') + 1);
        return !lastSegment.contains(".");
    }
}
