package io.millrace.connector.kafka.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * The two calls of a Confluent-compatible schema registry REST API this module needs, over
 * {@code java.net.http} (no registry client jars): the writer schema of an id ({@code GET
 * /schemas/ids/{id}}) and the id of a schema under a subject, registering it when new ({@code POST
 * /subjects/{subject}/versions}, which answers the existing id for a schema already registered). Both are
 * cached: each id and each (subject, schema) is asked once per client. Thread-safe.
 */
public final class SchemaRegistryClient {

  private static final JsonFactory JSON = new JsonFactory();
  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final URI base;
  private final HttpClient http;
  private final Map<Integer, Schema> byId = new ConcurrentHashMap<>();
  private final Map<String, Integer> idBySubjectAndSchema = new ConcurrentHashMap<>();

  public SchemaRegistryClient(String url) {
    String trimmed = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    this.base = URI.create(trimmed + "/");
    if (base.getScheme() == null || !(base.getScheme().equals("http") || base.getScheme().equals("https"))) {
      throw new IllegalArgumentException("'" + url + "' is not an http(s) URL");
    }
    this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  }

  public String url() {
    return base.toString();
  }

  /**
   * The writer schema registered under {@code id}.
   *
   * @throws UnknownSchemaException when the registry does not know the id (the message is malformed)
   * @throws SchemaRegistryException when the registry cannot be asked (unreachable, an error status)
   */
  public Schema schemaById(int id) {
    Schema known = byId.get(id);
    if (known != null) {
      return known;
    }
    HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve("schemas/ids/" + id))
        .header("Accept", CONTENT_TYPE).timeout(TIMEOUT).GET().build(), "get schema id " + id);
    if (response.statusCode() == 404) {
      throw new UnknownSchemaException("schema registry " + base + " has no schema with id " + id
          + " (" + errorOf(response.body()) + ")");
    }
    requireOk(response, "get schema id " + id);
    String text = field(response.body(), "schema");
    if (text == null) {
      throw new SchemaRegistryException("schema registry " + base + ": the answer for schema id " + id
          + " has no 'schema' field");
    }
    try {
      Schema schema = new Schema.Parser().parse(text);
      byId.putIfAbsent(id, schema);
      return schema;
    } catch (SchemaParseException e) {
      throw new UnknownSchemaException("schema registry " + base + ": schema id " + id + " is not an Avro schema ("
          + e.getMessage() + ")");
    }
  }

  /** The id of {@code schema} under {@code subject}, registering it when the registry does not have it yet. */
  public int register(String subject, Schema schema) {
    String text = schema.toString();
    String cacheKey = subject + "\n" + text;
    Integer known = idBySubjectAndSchema.get(cacheKey);
    if (known != null) {
      return known;
    }
    String what = "register the schema under subject " + subject;
    HttpResponse<String> response = send(HttpRequest.newBuilder(
            base.resolve("subjects/" + URLEncoder.encode(subject, StandardCharsets.UTF_8) + "/versions"))
        .header("Content-Type", CONTENT_TYPE).header("Accept", CONTENT_TYPE).timeout(TIMEOUT)
        .POST(HttpRequest.BodyPublishers.ofString(schemaBody(text))).build(), what);
    requireOk(response, what);
    String id = field(response.body(), "id");
    if (id == null) {
      throw new SchemaRegistryException("schema registry " + base + ": the answer to " + what + " has no 'id'");
    }
    int value = Integer.parseInt(id);
    idBySubjectAndSchema.putIfAbsent(cacheKey, value);
    byId.putIfAbsent(value, schema);
    return value;
  }

  private HttpResponse<String> send(HttpRequest request, String what) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new SchemaRegistryException("schema registry " + base + " did not answer (" + what + "): " + e
          + "; check schemaRegistryUrl and that the registry is reachable from the worker", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SchemaRegistryException("interrupted while asking schema registry " + base + " to " + what, e);
    }
  }

  private void requireOk(HttpResponse<String> response, String what) {
    if (response.statusCode() / 100 != 2) {
      throw new SchemaRegistryException("schema registry " + base + " refused to " + what + ": HTTP "
          + response.statusCode() + " " + errorOf(response.body()));
    }
  }

  private static String errorOf(String body) {
    String message = field(body, "message");
    String code = field(body, "error_code");
    if (message == null) {
      return body == null || body.isBlank() ? "(no body)" : body.substring(0, Math.min(200, body.length()));
    }
    return code == null ? message : message + " (error_code " + code + ")";
  }

  /** A top-level field of a JSON object as text (strings and numbers), or null. */
  static String field(String json, String name) {
    if (json == null || json.isBlank()) {
      return null;
    }
    try (JsonParser parser = JSON.createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      Map<String, String> fields = new HashMap<>();
      JsonToken token;
      while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (value.isScalarValue()) {
          fields.put(field, parser.getText());
        } else {
          parser.skipChildren();
        }
      }
      return fields.get(name);
    } catch (IOException e) {
      return null;
    }
  }

  private static String schemaBody(String schema) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("schemaType", "AVRO");
      g.writeStringField("schema", schema);
      g.writeEndObject();
    } catch (IOException e) {
      throw new IllegalStateException(e); // in memory: cannot happen
    }
    return out.toString();
  }

  /** The registry could not be asked, or answered with an error: an infrastructure failure (fails the task). */
  public static class SchemaRegistryException extends RuntimeException {
    SchemaRegistryException(String message) {
      super(message);
    }

    SchemaRegistryException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The registry does not know a message's schema id: the message is malformed (dead letter). */
  public static final class UnknownSchemaException extends SchemaRegistryException {
    UnknownSchemaException(String message) {
      super(message);
    }
  }
}
