package io.millrace.localstack.process;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Server artifacts (Keycloak's distribution, S3Mock's jar, the Kafka broker's jars) in the local Maven repository,
 * where building this module put them.
 */
public record MavenArtifacts(Path repository) {

    /** The command that puts every server artifact into the local repository. */
    public static final String INSTALL_HINT = "run `mvn -pl local-stack install` (or `mvn -pl local-stack verify`) "
            + "from the Millrace root once, with network access to Maven Central";

    /**
     * The local repository of this JVM: system property {@code maven.repo.local} (the build passes it to tests),
     * else {@code ~/.m2/repository}.
     */
    public static MavenArtifacts local() {
        String configured = System.getProperty("maven.repo.local");
        if (configured != null && !configured.isBlank()) {
            return new MavenArtifacts(Path.of(configured));
        }
        return new MavenArtifacts(Path.of(System.getProperty("user.home"), ".m2", "repository"));
    }

    /** Where the artifact lives; it may not exist. */
    public Path path(String groupId, String artifactId, String version, String classifier, String type) {
        String file = artifactId + "-" + version + (classifier == null ? "" : "-" + classifier) + "." + type;
        return repository.resolve(groupId.replace('.', '/')).resolve(artifactId).resolve(version).resolve(file);
    }

    /** The artifact's path, or a {@link MissingPrerequisiteException} saying how to get it. */
    public Path require(String what, String groupId, String artifactId, String version, String classifier,
            String type) {
        Path path = path(groupId, artifactId, version, classifier, type);
        if (!Files.isRegularFile(path)) {
            throw new MissingPrerequisiteException(what + " not found: " + groupId + ":" + artifactId + ":" + version
                    + (classifier == null ? "" : ":" + classifier) + ":" + type + " is not in the local Maven "
                    + "repository (looked for " + path + "). To get it, " + INSTALL_HINT
                    + "; or point -Dmaven.repo.local at a repository that has it.");
        }
        return path;
    }
}
