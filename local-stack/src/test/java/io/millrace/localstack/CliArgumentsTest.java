package io.millrace.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class CliArgumentsTest {

    @Test
    void allServicesAndADefaultEnvFileUnderTheDataDir() throws Exception {
        CliArguments arguments = CliArguments.parse("start", "--data-dir", "/srv/millrace");
        assertThat(arguments.dataDir()).isEqualTo(Path.of("/srv/millrace"));
        assertThat(arguments.services()).isEqualTo(EnumSet.allOf(Service.class));
        assertThat(arguments.envFile()).isEqualTo(Path.of("/srv/millrace/local-stack.env"));
    }

    @Test
    void aSubsetOfServicesAndAnEnvFileInEitherSyntax() throws Exception {
        CliArguments arguments = CliArguments.parse("start", "--data-dir=/d", "--services", "s3, postgres",
                "--env-file=/tmp/x.env");
        assertThat(arguments.services()).containsExactlyInAnyOrder(Service.S3, Service.POSTGRES);
        assertThat(arguments.envFile()).isEqualTo(Path.of("/tmp/x.env"));
    }

    @Test
    void badCommandLinesSayWhatIsWrong() {
        assertThatThrownBy(() -> CliArguments.parse()).hasMessageContaining("missing command");
        assertThatThrownBy(() -> CliArguments.parse("run")).hasMessageContaining("unknown command 'run'");
        assertThatThrownBy(() -> CliArguments.parse("start")).hasMessageContaining("--data-dir is required");
        assertThatThrownBy(() -> CliArguments.parse("start", "--data-dir"))
                .hasMessageContaining("--data-dir needs a value");
        assertThatThrownBy(() -> CliArguments.parse("start", "--data-dir", "/d", "--services", "postgres,redis"))
                .hasMessageContaining("unknown service 'redis'").hasMessageContaining("postgres,kafka,keycloak,s3");
        assertThatThrownBy(() -> CliArguments.parse("start", "--data-dir", "/d", "--verbose", "yes"))
                .hasMessageContaining("unknown option '--verbose'");
    }
}
