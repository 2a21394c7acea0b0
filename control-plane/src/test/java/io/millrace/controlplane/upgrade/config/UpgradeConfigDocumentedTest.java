package io.millrace.controlplane.upgrade.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Config completeness (STYLE.md 2): every key of {@link UpgradeConfig} is in the README. */
class UpgradeConfigDocumentedTest {

    @Test
    void everyKeyIsInTheReadme() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        List<String> keys = Arrays.stream(UpgradeConfig.class.getDeclaredMethods())
                .filter(m -> !m.isSynthetic() && m.getParameterCount() == 0).map(Method::getName)
                .map(n -> "millrace.jobs." + n.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT))
                .toList();
        assertThat(keys).contains("millrace.jobs.upgrade-grace-period", "millrace.jobs.upgrade-max-restarts");
        assertThat(keys).allSatisfy(key -> assertThat(readme).as("README documents " + key).contains("`" + key + "`"));
    }
}
