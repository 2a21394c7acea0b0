package io.millrace.controlplane.cluster;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the worker's runnable jar in the reactor. There is deliberately no Maven dependency from the control plane
 * on the worker; the reactor builds {@code worker/server} before {@code control-plane}.
 */
final class WorkerJar {

    private WorkerJar() {}

    /** {@code worker/server/target/quarkus-app/quarkus-run.jar} of the reactor this test runs in. */
    static Path locate() {
        Path root = reactorRoot();
        Path jar = root.resolve("worker/server/target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("worker jar " + jar + " is missing: build worker/server first: "
                    + "mvn -pl worker/server package (the cluster tests start real worker processes from it)");
        }
        return jar;
    }

    static Path reactorRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("worker/server/pom.xml")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the reactor root (a directory with worker/server/pom.xml) above "
                + Path.of("").toAbsolutePath());
    }
}
