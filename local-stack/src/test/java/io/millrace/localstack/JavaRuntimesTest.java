package io.millrace.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millrace.localstack.process.JavaRuntimes;
import io.millrace.localstack.process.MissingPrerequisiteException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaRuntimesTest {

    private static final String OVERRIDE = "MILLRACE_TEST_JAVA_HOME";

    @TempDir
    Path dir;

    @AfterEach
    void clearOverride() {
        System.clearProperty(OVERRIDE);
    }

    @Test
    void readsTheFeatureVersionFromAJdkReleaseFile() throws Exception {
        Path jdk = fakeJdk("jdk-a", "21.0.4");
        assertThat(JavaRuntimes.read(jdk)).hasValueSatisfying(found -> {
            assertThat(found.featureVersion()).isEqualTo(21);
            assertThat(found.home()).isEqualTo(jdk);
        });
        assertThat(JavaRuntimes.read(fakeJdk("jdk-b", "1.8.0_402"))).hasValueSatisfying(
                found -> assertThat(found.featureVersion()).isEqualTo(8));
        assertThat(JavaRuntimes.read(Files.createDirectories(dir.resolve("not-a-jdk")))).isEmpty();
    }

    @Test
    void theRunningJdkServesWhenItIsNewEnough() {
        JavaRuntimes.Jdk jdk = JavaRuntimes.atLeast(17, OVERRIDE, "a test");
        assertThat(jdk.featureVersion()).isGreaterThanOrEqualTo(17);
        assertThat(jdk.javaExecutable()).isExecutable();
    }

    @Test
    void anOverrideWinsAndIsChecked() throws Exception {
        System.setProperty(OVERRIDE, fakeJdk("jdk-99", "99.0.1").toString());
        assertThat(JavaRuntimes.atLeast(17, OVERRIDE, "a test").featureVersion()).isEqualTo(99);

        System.setProperty(OVERRIDE, fakeJdk("jdk-11", "11.0.2").toString());
        assertThatThrownBy(() -> JavaRuntimes.atLeast(17, OVERRIDE, "S3Mock"))
                .isInstanceOf(MissingPrerequisiteException.class)
                .hasMessageContaining("is Java 11, but S3Mock needs Java 17");
    }

    @Test
    void tooNewARequirementNamesWhereItLooked() {
        assertThatThrownBy(() -> JavaRuntimes.atLeast(1000, OVERRIDE, "Some server"))
                .isInstanceOf(MissingPrerequisiteException.class)
                .hasMessageContaining("Some server needs Java 1000")
                .hasMessageContaining(OVERRIDE);
    }

    private Path fakeJdk(String name, String version) throws Exception {
        Path home = Files.createDirectories(dir.resolve(name));
        Files.createDirectories(home.resolve("bin"));
        Path java = Files.createFile(home.resolve("bin/java"));
        java.toFile().setExecutable(true);
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\n");
        return home;
    }
}
