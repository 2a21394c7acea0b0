package io.millrace.localstack;

import io.millrace.localstack.process.MissingPrerequisiteException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which operating-system user PostgreSQL runs as.
 *
 * <p>PostgreSQL refuses to run as root. When this JVM is root, {@code initdb} and {@code postgres} run through
 * {@code setpriv} as the {@code postgres} user: {@code setpriv} replaces itself with the server, so the process we
 * hold is the real postmaster (unlike {@code su}, which would stay in between). The directories the server writes
 * must then belong to {@code postgres}.
 */
record PostgresOsUser(boolean switchFromRoot) {

    static final String SERVICE_USER = "postgres";

    static PostgresOsUser detect() {
        if (!isRoot()) {
            return new PostgresOsUser(false);
        }
        if (findOnPath("setpriv") == null) {
            throw new MissingPrerequisiteException("Running as root, PostgreSQL must be started as another user with "
                    + "setpriv, which was not found on the PATH. Install: apt-get install -y util-linux.");
        }
        try {
            lookup().lookupPrincipalByName(SERVICE_USER);
        } catch (IOException e) {
            throw new MissingPrerequisiteException("Running as root, PostgreSQL must run as the OS user '"
                    + SERVICE_USER + "', which does not exist. Install: apt-get install -y postgresql (creates it).");
        }
        return new PostgresOsUser(true);
    }

    /** The words to put in front of a PostgreSQL command. */
    List<String> commandPrefix() {
        if (!switchFromRoot) {
            return List.of();
        }
        return List.of("setpriv", "--reuid=" + SERVICE_USER, "--regid=" + SERVICE_USER, "--init-groups");
    }

    List<String> command(Path executable, String... arguments) {
        List<String> command = new ArrayList<>(commandPrefix());
        command.add(executable.toString());
        command.addAll(List.of(arguments));
        return command;
    }

    /** Makes {@code paths} belong to the service user (when switching from root). */
    void own(Path... paths) {
        if (!switchFromRoot) {
            return;
        }
        try {
            var user = lookup().lookupPrincipalByName(SERVICE_USER);
            var group = lookup().lookupPrincipalByGroupName(SERVICE_USER);
            for (Path path : paths) {
                Files.setOwner(path, user);
                Files.getFileAttributeView(path, java.nio.file.attribute.PosixFileAttributeView.class)
                        .setGroup(group);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not hand " + List.of(paths) + " to the OS user " + SERVICE_USER
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * Fails clearly when the service user cannot reach {@code directory}: every directory above it must be
     * searchable by others (a data dir under a private home directory is not).
     */
    void requireReachable(Path directory) {
        if (!switchFromRoot) {
            return;
        }
        for (Path ancestor = directory.toAbsolutePath().getParent(); ancestor != null; ancestor = ancestor.getParent()) {
            try {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(ancestor);
                if (!permissions.contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    throw new MissingPrerequisiteException("The PostgreSQL data directory " + directory + " is not "
                            + "reachable by the OS user '" + SERVICE_USER + "' (the server runs as that user because "
                            + "this JVM is root): " + ancestor + " is not searchable by others. Use a data directory "
                            + "outside " + ancestor + ", or run: chmod o+x " + ancestor);
                }
            } catch (IOException e) {
                throw new IllegalStateException("Could not read the permissions of " + ancestor, e);
            }
        }
    }

    private static boolean isRoot() {
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            return Integer.valueOf(0).equals(uid);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static UserPrincipalLookupService lookup() {
        return java.nio.file.FileSystems.getDefault().getUserPrincipalLookupService();
    }

    private static Path findOnPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String entry : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(entry, name);
            if (!entry.isBlank() && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
