package io.millrace.controlplane.preview.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Config completeness (STYLE.md 2): every key of {@link PreviewConfig} is in the README. */
class PreviewConfigDocumentedTest {

    @Test
    void everyKeyIsInTheReadme() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        List<String> keys = Arrays.stream(PreviewConfig.class.getDeclaredMethods())
                .filter(method -> !method.isSynthetic() && method.getParameterCount() == 0)
                .map(Method::getName)
                .map(name -> "millrace.preview." + name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT))
                .toList();
        assertThat(keys).contains("millrace.preview.max-sample-records", "millrace.preview.answer-grace");
        assertThat(keys).allSatisfy(key -> assertThat(readme).as("README documents " + key).contains("`" + key + "`"));
    }
}
