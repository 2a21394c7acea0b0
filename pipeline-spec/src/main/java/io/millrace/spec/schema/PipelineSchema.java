package io.millrace.spec.schema;

import io.millrace.spec.catalog.Catalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The published pipeline JSON Schema: the classpath resource {@value #RESOURCE}, generated from the
 * built-in catalog by {@link JsonSchemaGenerator} ({@code SchemaResourceTest} fails when it is
 * stale). Connector modules extend the catalog at run time; {@link #generate(Catalog)} gives the
 * schema for a given catalog (what the control plane should serve).
 */
public final class PipelineSchema {

  public static final String RESOURCE = "io/millrace/spec/schema/pipeline.schema.json";

  private PipelineSchema() {}

  /** The schema for this catalog, as JSON text. */
  public static String generate(Catalog catalog) {
    return new JsonSchemaGenerator(catalog).generateText();
  }

  /** The schema file shipped in this jar (built-in connectors only). */
  public static String published() {
    try (InputStream in = PipelineSchema.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
