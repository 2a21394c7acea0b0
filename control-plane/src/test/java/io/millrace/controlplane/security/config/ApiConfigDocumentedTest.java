package io.millrace.controlplane.security.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.WithName;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Config completeness (STYLE.md 2): every key of {@link ApiConfig} is in the README. */
class ApiConfigDocumentedTest {

    @Test
    void everyKeyIsInTheReadme() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        List<String> keys = new ArrayList<>();
        collect(ApiConfig.class, "millrace.api", keys);
        assertThat(keys).contains("millrace.api.rate-limit.per-second", "millrace.api.tokens.max-ttl");
        assertThat(keys).allSatisfy(key -> assertThat(readme).as("README documents " + key).contains("`" + key + "`"));
    }

    private static void collect(Class<?> type, String prefix, List<String> keys) {
        for (Method method : type.getDeclaredMethods()) {
            if (method.isSynthetic() || method.getParameterCount() != 0) {
                continue;
            }
            WithName named = method.getAnnotation(WithName.class);
            String name = named != null ? named.value()
                    : method.getName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
            if (method.getReturnType().isInterface() && method.getReturnType().getEnclosingClass() == ApiConfig.class) {
                collect(method.getReturnType(), prefix + "." + name, keys);
            } else {
                keys.add(prefix + "." + name);
            }
        }
    }
}
