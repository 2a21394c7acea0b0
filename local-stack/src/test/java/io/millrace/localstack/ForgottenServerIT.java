package io.millrace.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.localstack.process.MavenArtifacts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A JVM that starts a server and exits without closing it still leaves no server process behind. */
class ForgottenServerIT {

    @Test
    void theShutdownHookStopsAServerNobodyClosed() throws Exception {
        Process jvm = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dmaven.repo.local=" + MavenArtifacts.local().repository(),
                "-cp", System.getProperty("java.class.path"),
                ForgetfulMain.class.getName()))
                .redirectErrorStream(true).start();
        assertThat(jvm.waitFor(3, TimeUnit.MINUTES)).as("the forgetful JVM exits").isTrue();
        String output = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Matcher pid = Pattern.compile("POSTGRES PID (\\d+)").matcher(output);
        assertThat(pid.find()).as("output:\n%s", output).isTrue();
        assertThat(jvm.exitValue()).isZero();

        long postmaster = Long.parseLong(pid.group(1));
        assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false))
                .as("postmaster %s alive after its JVM exited", postmaster).isFalse();
    }

    /** Starts PostgreSQL, prints its pid and exits without closing it. */
    public static final class ForgetfulMain {
        public static void main(String[] arguments) {
            PostgresServer postgres = new PostgresLauncher(PostgresConfig.defaults().withLogDir(TestLogs.dir()))
                    .start();
            System.out.println("POSTGRES PID " + postgres.pid());
            System.out.flush();
        }
    }
}
