package io.millrace.engine.checkpoint.store;

/** Validation of store-relative paths, shared by all stores so they accept exactly the same paths. */
final class StorePaths {

  private StorePaths() {}

  /** Returns {@code path} if it is a valid object path, else throws a precise error. */
  static String object(String path) {
    if (path == null || path.isEmpty()) {
      throw new IllegalArgumentException("checkpoint store path must not be empty");
    }
    check(path);
    if (path.endsWith("/")) {
      throw new IllegalArgumentException("checkpoint store path '" + path
          + "' names a folder; objects have no trailing '/'");
    }
    return path;
  }

  /** A folder prefix: "" (everything) or a path; returned with a trailing '/' unless empty. */
  static String prefix(String prefix) {
    if (prefix == null || prefix.isEmpty()) {
      return "";
    }
    String p = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
    check(p);
    return p + "/";
  }

  private static void check(String path) {
    if (path.startsWith("/") || path.contains("\\")) {
      throw new IllegalArgumentException("checkpoint store path '" + path
          + "' must be relative and use '/' separators");
    }
    for (String segment : path.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        throw new IllegalArgumentException("checkpoint store path '" + path
            + "' has an empty, '.' or '..' segment");
      }
    }
  }
}
