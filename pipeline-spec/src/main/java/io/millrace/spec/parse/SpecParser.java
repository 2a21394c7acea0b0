package io.millrace.spec.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads JSON or YAML into a Jackson tree, recording the position of every value ({@link
 * SourceMap}). Never throws: malformed text becomes a {@link SyntaxProblem} with line and column.
 *
 * <p>Builds the tree from the token stream itself (not {@code readTree}) so that it sees every key's
 * position and every duplicate key, which Jackson's tree reader would silently overwrite.
 */
public final class SpecParser {

  /** No pipeline needs more; deeper input is rejected before it can exhaust the stack. */
  static final int MAX_NESTING_DEPTH = 64;

  /** A spec is a few kilobytes; this bounds the memory an abusive input can take. */
  static final int MAX_DOCUMENT_CHARS = 4 * 1024 * 1024;

  private final JsonFactory jsonFactory;
  private final YAMLFactory yamlFactory;

  public SpecParser() {
    StreamReadConstraints constraints = StreamReadConstraints.builder()
        .maxNestingDepth(MAX_NESTING_DEPTH)
        .maxNumberLength(1000)
        .maxStringLength(MAX_DOCUMENT_CHARS)
        .build();
    this.jsonFactory = JsonFactory.builder().streamReadConstraints(constraints).build();
    LoaderOptions loaderOptions = new LoaderOptions();
    loaderOptions.setNestingDepthLimit(MAX_NESTING_DEPTH);
    loaderOptions.setCodePointLimit(MAX_DOCUMENT_CHARS);
    loaderOptions.setAllowDuplicateKeys(true); // we report duplicates ourselves, with both positions
    this.yamlFactory = YAMLFactory.builder().loaderOptions(loaderOptions).streamReadConstraints(constraints).build();
  }

  public ParseResult parse(String text, Format format) {
    if (text == null) {
      return failed(new SyntaxProblem("syntax", "", Position.START, "the document is empty", "write a pipeline spec"));
    }
    if (text.length() > MAX_DOCUMENT_CHARS) {
      return failed(new SyntaxProblem("syntax", "", Position.START,
          "the document is larger than " + MAX_DOCUMENT_CHARS + " characters", "a pipeline spec is a few kilobytes: check the file"));
    }
    LineIndex lines = new LineIndex(text);
    List<SyntaxProblem> problems = new ArrayList<>();
    SourceMap map = new SourceMap();
    JsonParser parser = null;
    try {
      parser = format == Format.JSON ? jsonFactory.createParser(text) : yamlFactory.createParser(text);
      JsonToken first = parser.nextToken();
      if (first == null) {
        return failed(new SyntaxProblem("syntax", "", Position.START, "the document is empty",
            "start with apiVersion: " + "millrace.io/v1"));
      }
      TreeReader reader = new TreeReader(parser, lines, map, problems);
      JsonNode root = reader.read("");
      JsonToken trailing = parser.nextToken();
      if (trailing != null) {
        Position at = reader.position(parser.currentTokenLocation());
        return failed(new SyntaxProblem("syntax", "", at,
            format == Format.YAML ? "the file holds more than one YAML document" : "unexpected content after the end of the document",
            "keep one pipeline per file"));
      }
      return new ParseResult(Optional.of(new ParsedDocument(root, map, text, format)), problems);
    } catch (JsonProcessingException e) {
      return failed(syntaxProblem(e, lines));
    } catch (IOException | RuntimeException | StackOverflowError e) {
      // SnakeYAML can raise its own runtime exceptions for malformed input; they are syntax errors too.
      Position at = parser == null ? Position.START : positionOf(parser.currentLocation(), lines);
      return failed(new SyntaxProblem("syntax", "", at, "malformed document: " + firstLine(e.getMessage()),
          "check the syntax near this position"));
    } finally {
      closeQuietly(parser);
    }
  }

  private static SyntaxProblem syntaxProblem(JsonProcessingException e, LineIndex lines) {
    if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
      Mark mark = yaml.getProblemMark();
      String context = yaml.getContext() == null ? "" : " (" + yaml.getContext() + ")";
      return new SyntaxProblem("syntax", "", positionOf(mark.getLine() + 1, mark.getColumn() + 1, lines),
          "YAML syntax error: " + firstLine(yaml.getProblem()) + context, "fix the YAML syntax at this position");
    }
    Position at = e.getLocation() == null ? Position.START : positionOf(e.getLocation(), lines);
    String prefix = e.getLocation() == null ? "" : "syntax error: ";
    return new SyntaxProblem("syntax", "", at, prefix + firstLine(e.getOriginalMessage()),
        "fix the syntax at this position");
  }

  static Position positionOf(JsonLocation location, LineIndex lines) {
    return positionOf(location.getLineNr(), location.getColumnNr(), lines);
  }

  static Position positionOf(int line, int column, LineIndex lines) {
    if (line < 1) {
      return Position.START;
    }
    return lines.at(lines.offsetOf(line, Math.max(1, column)));
  }

  private static String firstLine(String message) {
    if (message == null || message.isBlank()) {
      return "unreadable input";
    }
    String trimmed = message.strip();
    int newline = trimmed.indexOf('\n');
    String line = newline < 0 ? trimmed : trimmed.substring(0, newline).strip();
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }

  private static ParseResult failed(SyntaxProblem problem) {
    return new ParseResult(Optional.empty(), List.of(problem));
  }

  private static void closeQuietly(JsonParser parser) {
    if (parser != null) {
      try {
        parser.close();
      } catch (IOException | RuntimeException ignored) {
        // Reading a String: nothing to release.
      }
    }
  }

  /** Walks the token stream once, building nodes and recording positions. */
  private static final class TreeReader {
    private final JsonParser parser;
    private final LineIndex lines;
    private final SourceMap map;
    private final List<SyntaxProblem> problems;
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    TreeReader(JsonParser parser, LineIndex lines, SourceMap map, List<SyntaxProblem> problems) {
      this.parser = parser;
      this.lines = lines;
      this.map = map;
      this.problems = problems;
    }

    Position position(JsonLocation location) {
      return positionOf(location, lines);
    }

    /** Reads the value whose first token is current. */
    JsonNode read(String pointer) throws IOException {
      JsonToken token = parser.currentToken();
      Position at = position(parser.currentTokenLocation());
      map.putValue(pointer, at);
      if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
        // Jackson hands out the alias name, not the anchored value; expanding aliases would also
        // open the door to exponential "billion laughs" documents.
        problems.add(new SyntaxProblem("unsupported-yaml", pointer, at,
            "YAML aliases (*" + parser.getText() + ") are not supported in pipeline specs",
            "write the value out instead of referring to an anchor"));
      }
      switch (token) {
        case START_OBJECT:
          return readObject(pointer);
        case START_ARRAY:
          return readArray(pointer);
        case VALUE_STRING:
          return nodes.textNode(parser.getText());
        case VALUE_NUMBER_INT:
          return switch (parser.getNumberType()) {
            case INT, LONG -> nodes.numberNode(parser.getLongValue());
            default -> nodes.numberNode(parser.getBigIntegerValue());
          };
        case VALUE_NUMBER_FLOAT:
          return nodes.numberNode(parser.getDoubleValue());
        case VALUE_TRUE:
          return nodes.booleanNode(true);
        case VALUE_FALSE:
          return nodes.booleanNode(false);
        case VALUE_NULL:
          return nodes.nullNode();
        default:
          // YAML tags such as !!binary surface as embedded objects; keep their text.
          String text = parser.getText();
          return nodes.textNode(text == null ? "" : text);
      }
    }

    private ObjectNode readObject(String pointer) throws IOException {
      ObjectNode object = nodes.objectNode();
      JsonToken token;
      while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        String child = JsonPointers.child(pointer, name);
        Position keyAt = position(parser.currentTokenLocation());
        parser.nextToken();
        if (object.has(name)) {
          problems.add(new SyntaxProblem("duplicate-key", child, keyAt,
              "duplicate key '" + name + "': it is already set above",
              "remove one of the two '" + name + "' entries"));
          parser.skipChildren();
          continue;
        }
        map.putKey(child, keyAt);
        object.set(name, read(child));
      }
      if (token != JsonToken.END_OBJECT) {
        throw new JsonParseFailure(parser, "unexpected end of an object");
      }
      return object;
    }

    private ArrayNode readArray(String pointer) throws IOException {
      ArrayNode array = nodes.arrayNode();
      JsonToken token;
      while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
        if (token == null) {
          throw new JsonParseFailure(parser, "unexpected end of a list");
        }
        array.add(read(JsonPointers.child(pointer, array.size())));
      }
      return array;
    }
  }

  /** A structural surprise in an otherwise tokenizable stream. */
  private static final class JsonParseFailure extends JsonProcessingException {
    JsonParseFailure(JsonParser parser, String message) {
      super(message, parser.currentLocation());
    }
  }
}
