package io.millrace.controlplane.job.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Config completeness (STYLE.md 2): every key of {@link JobsConfig} and {@link SchedulerConfig} is in the README. */
class JobsConfigDocumentedTest {

    private static List<String> keys(Class<?> config, String prefix) {
        return Arrays.stream(config.getDeclaredMethods())
                .filter(method -> !method.isSynthetic() && method.getParameterCount() == 0)
                .map(Method::getName)
                .map(name -> prefix + name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT))
                .toList();
    }

    @Test
    void everyKeyIsInTheReadme() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        List<String> jobs = keys(JobsConfig.class, "millrace.jobs.");
        List<String> scheduler = keys(SchedulerConfig.class, "millrace.scheduler.");
        assertThat(jobs).contains("millrace.jobs.retained-checkpoints");
        assertThat(scheduler).contains("millrace.scheduler.tenant-slot-quota");
        assertThat(jobs).allSatisfy(key -> assertThat(readme).as("README documents " + key).contains("`" + key + "`"));
        assertThat(scheduler).allSatisfy(key -> assertThat(readme).as("README documents " + key)
                .contains("`" + key + "`"));
    }
}
