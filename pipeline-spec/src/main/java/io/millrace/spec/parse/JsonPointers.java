package io.millrace.spec.parse;

/** RFC 6901 JSON pointer helpers. */
public final class JsonPointers {

  private JsonPointers() {}

  /** The pointer to member {@code name} of the object at {@code parent}. */
  public static String child(String parent, String name) {
    return parent + "/" + name.replace("~", "~0").replace("/", "~1");
  }

  /** The pointer to element {@code index} of the array at {@code parent}. */
  public static String child(String parent, int index) {
    return parent + "/" + index;
  }

  /** The parent of a pointer ("" for the root and its direct members). */
  public static String parent(String pointer) {
    int slash = pointer.lastIndexOf('/');
    return slash <= 0 ? "" : pointer.substring(0, slash);
  }
}
