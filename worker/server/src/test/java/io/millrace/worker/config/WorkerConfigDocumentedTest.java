package io.millrace.worker.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Config completeness (STYLE.md 2): every key of {@link WorkerConfig} appears in the module README's table. */
class WorkerConfigDocumentedTest {

    @Test
    void everyKeyIsInTheReadme() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        List<String> keys = keys("millrace.worker", WorkerConfig.class);
        assertThat(keys).contains("millrace.worker.slots", "millrace.worker.control-plane.port",
                "millrace.worker.reconnect.after-refusal");
        assertThat(keys).allSatisfy(key -> assertThat(readme).as("README documents " + key).contains("`" + key + "`"));
    }

    static List<String> keys(String prefix, Class<?> mapping) {
        List<String> keys = new ArrayList<>();
        for (Method method : mapping.getDeclaredMethods()) {
            if (method.isSynthetic() || method.isDefault() || method.getParameterCount() > 0) {
                continue;
            }
            String key = prefix + "." + kebab(method.getName());
            Class<?> type = method.getReturnType();
            if (type.isInterface() && type.getEnclosingClass() == mapping) {
                keys.addAll(keys(key, type));
            } else {
                keys.add(key);
            }
        }
        return keys;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
