package io.millrace.engine.connector.file;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * A {@code file-sink} node's settings as the catalog defines them. The spec validator checked them
 * already; errors here still name the node and the setting, for plans built by hand.
 *
 * @param directory the output directory
 * @param format how a record becomes a line
 * @param prefix name prefix of committed part files
 */
record FileSinkSettings(Path directory, LineFormat format, String prefix) {

  static FileSinkSettings of(String nodeId, Map<String, Object> settings) {
    Object path = settings.get("path");
    if (path == null || path.toString().isBlank()) {
      throw new IllegalArgumentException("file-sink node " + nodeId
          + ": setting 'path' is required, e.g. path: file:///data/out or path: /data/out");
    }
    String prefix = String.valueOf(settings.getOrDefault("prefix", "part"));
    if (!prefix.matches("[a-z][a-z0-9-]*")) {
      throw new IllegalArgumentException("file-sink node " + nodeId + ": prefix '" + prefix
          + "' must match [a-z][a-z0-9-]*");
    }
    return new FileSinkSettings(directory(nodeId, path.toString()),
        LineFormat.of(nodeId, String.valueOf(settings.getOrDefault("format", "json"))), prefix);
  }

  private static Path directory(String nodeId, String path) {
    if (!path.startsWith("file:") && path.matches("[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
      throw new IllegalArgumentException("file-sink node " + nodeId + ": path '" + path
          + "' uses a scheme this sink does not write; use a local path or a file:// URI");
    }
    try {
      return path.startsWith("file:") ? Path.of(URI.create(path)) : Path.of(path);
    } catch (IllegalArgumentException e) { // also InvalidPathException
      throw new IllegalArgumentException("file-sink node " + nodeId + ": path '" + path + "' is not a valid path or file:// URI ("
          + e.getMessage() + ")", e);
    }
  }
}
