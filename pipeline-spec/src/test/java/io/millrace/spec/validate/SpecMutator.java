package io.millrace.spec.validate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Produces damaged variants of valid specs and random documents, from a seeded {@link Random}. */
final class SpecMutator {

  private static final String[] TOKENS = {
    "", "null", "~", "[]", "{}", "-1", "0", "1e308", "-1e308", "99999999999999999999999999999", "0.5", "NaN", ".inf",
    "true", "\"", "'", "&a", "*a", "!!binary", "!!str", "|", ">", "#", ":", "- ", "\t", "\\u0000", "\u0000", "\uD800",
    "💥", "value.", "value.a +", "size(", "timestamp(value.t)", "[value]", "{'a': 1}", "1s", "0s", "10 s", "1MB",
    "kafka-source", "kafka-sink", "window-aggregate", "join", "union", "process", "late", "x.late", "x.dead-letter",
    "keyBy", "inputs", "type", "id", "window", "aggregates", "expression", "session", "sliding", "reduce", "sum",
  };

  private final Random random;

  SpecMutator(Random random) {
    this.random = random;
  }

  String mutate(String text) {
    String result = text;
    int rounds = 1 + random.nextInt(4);
    for (int i = 0; i < rounds; i++) {
      result = mutateOnce(result);
    }
    return result;
  }

  private String mutateOnce(String text) {
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    int line = random.nextInt(lines.size());
    switch (random.nextInt(10)) {
      case 0 -> lines.remove(line);
      case 1 -> lines.add(line, lines.get(line));
      case 2 -> {
        int other = random.nextInt(lines.size());
        String swap = lines.get(line);
        lines.set(line, lines.get(other));
        lines.set(other, swap);
      }
      case 3 -> {
        return changeChar(text);
      }
      case 4 -> {
        return text.substring(0, random.nextInt(text.length() + 1));
      }
      case 5 -> lines.set(line, replaceWord(lines.get(line)));
      case 6 -> lines.set(line, " ".repeat(random.nextInt(4)) + lines.get(line));
      case 7 -> {
        String l = lines.get(line);
        int at = l.isEmpty() ? 0 : random.nextInt(l.length());
        lines.set(line, l.substring(0, at) + TOKENS[random.nextInt(TOKENS.length)] + l.substring(at));
      }
      case 8 -> lines.set(line, lines.get(line).replace(": ", ":"));
      default -> {
        String l = lines.get(line);
        lines.set(line, l.replaceAll("[0-9]+", TOKENS[random.nextInt(9)]));
      }
    }
    return String.join("\n", lines);
  }

  private String changeChar(String text) {
    if (text.isEmpty()) {
      return String.valueOf((char) random.nextInt(0x3000));
    }
    StringBuilder b = new StringBuilder(text);
    int at = random.nextInt(b.length());
    String punctuation = "{}[]:,-'\"#&*!|> \n\tab01";
    b.setCharAt(at, punctuation.charAt(random.nextInt(punctuation.length())));
    return b.toString();
  }

  private String replaceWord(String line) {
    String[] words = line.split("(?<=[ ,:{\\[])");
    if (words.length == 0) {
      return line;
    }
    words[random.nextInt(words.length)] = TOKENS[random.nextInt(TOKENS.length)];
    return String.join("", words);
  }

  /** Random characters, including control characters, lone surrogates and YAML/JSON punctuation. */
  String randomText() {
    int length = random.nextInt(300);
    StringBuilder b = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      String punctuation = "{}[]:,-'\"#&*!|>%@` \n\t";
      b.append(random.nextInt(4) == 0 ? punctuation.charAt(random.nextInt(punctuation.length())) : (char) random.nextInt(0xFFFF));
    }
    return b.toString();
  }

  /** Nesting far beyond any spec: lists, maps, flow and block style. */
  String deepNesting() {
    int depth = 10 + random.nextInt(5000);
    return switch (random.nextInt(4)) {
      case 0 -> "[".repeat(depth) + "]".repeat(random.nextInt(depth + 1));
      case 1 -> "{a: ".repeat(depth) + "1" + "}".repeat(depth);
      case 2 -> {
        StringBuilder b = new StringBuilder("spec:\n");
        for (int i = 0; i < Math.min(depth, 400); i++) {
          b.append("  ".repeat(i + 1)).append("k").append(i).append(":\n");
        }
        yield b.toString();
      }
      default -> "apiVersion: millrace.io/v1\nkind: Pipeline\nmetadata: {name: x}\nspec:\n  nodes:\n    - "
          + "- ".repeat(depth) + "x\n";
    };
  }

  /** A syntactically valid JSON document of random shape built from spec vocabulary. */
  String randomJsonDocument() {
    StringBuilder b = new StringBuilder();
    value(b, 0);
    return b.toString();
  }

  private void value(StringBuilder b, int depth) {
    int choice = depth > 6 ? random.nextInt(4) : random.nextInt(6);
    switch (choice) {
      case 0 -> b.append('"').append(TOKENS[random.nextInt(TOKENS.length)].replace("\\", "\\\\").replace("\"", "\\\"")
          .replace("\t", "\\t").replace("\u0000", "\\u0000")).append('"');
      case 1 -> b.append(random.nextBoolean() ? random.nextLong() : random.nextDouble() * 1e300);
      case 2 -> b.append(random.nextBoolean());
      case 3 -> b.append("null");
      case 4 -> {
        b.append('[');
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
          if (i > 0) {
            b.append(',');
          }
          value(b, depth + 1);
        }
        b.append(']');
      }
      default -> {
        b.append('{');
        int n = random.nextInt(5);
        for (int i = 0; i < n; i++) {
          if (i > 0) {
            b.append(',');
          }
          String key = TOKENS[random.nextInt(TOKENS.length)].replaceAll("[\"\\\\\\p{Cntrl}\uD800]", "");
          b.append('"').append(random.nextInt(3) == 0 ? "apiVersion" : key).append("\":");
          value(b, depth + 1);
        }
        b.append('}');
      }
    }
  }
}
