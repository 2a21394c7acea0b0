package io.millrace.spec.validate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The example specs and the broken-spec corpus, found from the module directory (Maven's working directory). */
final class SpecFiles {

  static final Path EXAMPLES = Path.of("examples");
  static final Path BROKEN = Path.of("src/test/resources/broken");

  private SpecFiles() {}

  static List<Path> examples() {
    return list(EXAMPLES, "yaml", "json");
  }

  static List<Path> broken() {
    return list(BROKEN, "yaml", "json");
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> list(Path dir, String... extensions) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile)
          .filter(p -> Stream.of(extensions).anyMatch(e -> p.getFileName().toString().endsWith("." + e)))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
