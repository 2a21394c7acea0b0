package io.millrace.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.localstack.process.MavenArtifacts;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class S3LauncherTest {

    @Test
    void theS3MockJarDeclaresJava17WhichTheBuildJdkServes() {
        Path jar = MavenArtifacts.local().require("S3Mock", "com.adobe.testing", "s3mock", ServerVersions.s3mock(),
                "exec", "jar");
        int required = S3Launcher.requiredJavaVersion(jar);
        assertThat(required).isEqualTo(17);
        assertThat(Runtime.version().feature()).isGreaterThanOrEqualTo(required);
    }
}
