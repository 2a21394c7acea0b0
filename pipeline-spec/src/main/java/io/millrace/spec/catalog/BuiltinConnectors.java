package io.millrace.spec.catalog;

import static io.millrace.spec.catalog.SettingDescriptor.optional;
import static io.millrace.spec.catalog.SettingDescriptor.required;
import static io.millrace.spec.catalog.SettingTypes.atLeast;
import static io.millrace.spec.catalog.SettingTypes.bool;
import static io.millrace.spec.catalog.SettingTypes.durationOrZero;
import static io.millrace.spec.catalog.SettingTypes.expression;
import static io.millrace.spec.catalog.SettingTypes.id;
import static io.millrace.spec.catalog.SettingTypes.identifier;
import static io.millrace.spec.catalog.SettingTypes.listOf;
import static io.millrace.spec.catalog.SettingTypes.nonEmptyListOf;
import static io.millrace.spec.catalog.SettingTypes.number;
import static io.millrace.spec.catalog.SettingTypes.oneOf;
import static io.millrace.spec.catalog.SettingTypes.size;
import static io.millrace.spec.catalog.SettingTypes.string;

import io.millrace.spec.catalog.Condition.AtMostOneOf;
import io.millrace.spec.catalog.Condition.ExactlyOneOf;
import io.millrace.spec.catalog.Condition.ForbiddenWhen;
import io.millrace.spec.catalog.Condition.RequiredWhen;
import io.millrace.spec.catalog.SettingType.ObjectType;
import io.millrace.spec.expr.ExpressionKind;
import java.util.List;
import java.util.Set;

/**
 * The connectors this module knows without any connector module on the class path: Kafka, the
 * data generator (incl. Nexmark), the HTTP ingest source and the exactly-once file sink. Kafka and HTTP records are typed by a
 * declared {@code schema}; the generator declares its own ({@link DatagenOutputType}). Registered in {@code
 * META-INF/services/io.millrace.spec.catalog.ConnectorProvider} like any other provider.
 */
public final class BuiltinConnectors implements ConnectorProvider {

  public static final String KAFKA_SOURCE = "kafka-source";
  public static final String KAFKA_SINK = "kafka-sink";
  public static final String DATAGEN_SOURCE = "datagen-source";
  public static final String HTTP_SOURCE = "http-source";
  public static final String FILE_SINK = "file-sink";

  @Override
  public List<ConnectorDescriptor> connectors() {
    return List.of(kafkaSource(), kafkaSink(), datagenSource(), httpSource(), fileSink());
  }

  private static SettingDescriptor format() {
    return optional("format", oneOf("json", "text", "bytes", "avro"),
            "Record encoding: json (an object per message), text (a string per message), bytes, avro (binary Avro: "
                + "with schemaRegistryUrl in the Confluent wire format, else plain with avroSchema).")
        .withDefault("json");
  }

  private static SettingDescriptor avroSchema(String role) {
    return optional("avroSchema", string(), "Avro schema (JSON text) of the message values, format avro: " + role)
        .withExample("{\"type\": \"record\", \"name\": \"Order\", \"fields\": [{\"name\": \"id\", \"type\": \"long\"}]}");
  }

  private static SettingDescriptor schemaRegistryUrl(String role) {
    return optional("schemaRegistryUrl", string(), "Schema registry (Confluent-compatible REST API), format avro: " + role)
        .withExample("http://schema-registry:8081");
  }

  private static SettingDescriptor unreachableTimeout() {
    return optional("unreachableTimeout", SettingTypes.duration(),
            "Fail the task (the job restarts under its restart strategy) when no broker answered for this long.")
        .withDefault("30s");
  }

  private static final Set<String> NOT_AVRO = Set.of("json", "text", "bytes");

  static ConnectorDescriptor kafkaSource() {
    return new ConnectorDescriptor(KAFKA_SOURCE, NodeRole.SOURCE, "Reads records from Kafka topics.",
        ObjectType.of(
                optional("topic", string(), "Topic to read (or use topics / topicPattern).").withExample("orders"),
                optional("topics", nonEmptyListOf(string()), "Topics to read.").withExample(List.of("orders", "refunds")),
                optional("topicPattern", string(), "Regular expression (Java) over topic names; topics created later are picked up by partition discovery.")
                    .withExample("orders-.*"),
                format(),
                optional("startFrom", oneOf("earliest", "latest", "committed", "timestamp"),
                        "Where to start without a checkpoint: earliest, latest, the consumer group's committed offsets "
                            + "(earliest where the group has none), or the first record at or after startTimestamp.")
                    .withDefault("committed"),
                optional("startTimestamp", string(), "ISO-8601 instant to start from (startFrom: timestamp).")
                    .withExample("2024-03-01T00:00:00Z"),
                optional("connection", string(), "Name of a Kafka connection an admin of the tenant created "
                    + "(/api/v1/kafka-connections): its cluster and credentials are used; instead of bootstrapServers.")
                    .withExample("billing-cluster"),
                optional("bootstrapServers", string(), "Kafka bootstrap servers (default: the tenant's configured cluster); "
                    + "refused at submit unless the service allows raw clusters: prefer connection.")
                    .withExample("kafka-1:9092,kafka-2:9092"),
                optional("groupId", string(), "Consumer group whose offsets are committed on checkpoints, for lag monitoring "
                    + "(default: millrace-<node id>).")
                    .withExample("orders-enricher"),
                optional("partitionDiscoveryInterval", durationOrZero(), "How often to look for new partitions and topics; 0s: never.")
                    .withDefault("30s"),
                optional("includeMetadata", bool(), "Wrap each record as {value, key, headers, topic, partition, offset, timestamp} "
                    + "so expressions can read the Kafka metadata.")
                    .withDefault(false),
                optional("bounded", bool(), "Stop at the end offsets seen at start (tests and backfills); default: run until cancelled.")
                    .withDefault(false),
                avroSchema("without a registry the writers' schema of every message; with one, the schema records "
                    + "are read as (schema resolution), default: each message's writer schema."),
                schemaRegistryUrl("messages carry a schema id (magic byte 0, 4-byte id); writer schemas are fetched by id."),
                unreachableTimeout())
            .withConditions(
                new ForbiddenWhen("avroSchema", "format", NOT_AVRO, "avroSchema needs format: avro"),
                new ForbiddenWhen("schemaRegistryUrl", "format", NOT_AVRO, "schemaRegistryUrl needs format: avro"),
                new AtMostOneOf(List.of("connection", "bootstrapServers"),
                    "the cluster comes from the connection: remove bootstrapServers"),
                new ExactlyOneOf(List.of("topic", "topics", "topicPattern"),
                    "set one of `topic`, `topics` (a list) or `topicPattern` (a regular expression)"),
                new RequiredWhen("startTimestamp", "startFrom", Set.of("timestamp"),
                    "add startTimestamp, e.g. startTimestamp: 2024-03-01T00:00:00Z"),
                new ForbiddenWhen("startTimestamp", "startFrom", Set.of("earliest", "latest", "committed"),
                    "startTimestamp needs startFrom: timestamp")),
        List.of("exactly one of topic, topics, topicPattern", "at most one of connection, bootstrapServers", "startTimestamp with startFrom: timestamp only",
            "format avro needs avroSchema or schemaRegistryUrl"),
        new KafkaSourceOutputType())
        .withPositionSettings("topic", "topics", "topicPattern", "connection", "bootstrapServers");
  }

  static ConnectorDescriptor kafkaSink() {
    return new ConnectorDescriptor(KAFKA_SINK, NodeRole.SINK, "Writes records to a Kafka topic.",
        ObjectType.of(
                optional("topic", string(), "Topic to write (or use topicExpression).").withExample("alerts"),
                optional("topicExpression", expression(ExpressionKind.VALUE), "Topic per record, a string computed from `value`.")
                    .withExample("'events-' + value.category"),
                optional("key", expression(ExpressionKind.KEY), "Message key per record (default: no key).")
                    .withExample("value.userId"),
                format(),
                optional("delivery", oneOf("exactly-once", "at-least-once", "none"),
                        "exactly-once: transactional writes committed on checkpoints; at-least-once: flushed on checkpoints; none: fire and forget.")
                    .withDefault("exactly-once"),
                optional("connection", string(), "Name of a Kafka connection an admin of the tenant created "
                    + "(/api/v1/kafka-connections): its cluster and credentials are used; instead of bootstrapServers.")
                    .withExample("billing-cluster"),
                optional("bootstrapServers", string(), "Kafka bootstrap servers (default: the tenant's configured cluster); "
                    + "refused at submit unless the service allows raw clusters: prefer connection.")
                    .withExample("kafka-1:9092"),
                optional("maxRequestSize", size(), "Largest message; a larger record goes to the dead-letter output.")
                    .withDefault("1MB"),
                avroSchema("the schema records are written with (required for avro)."),
                schemaRegistryUrl("the schema is registered under subject <topic>-value and its id prefixes each "
                    + "message (Confluent wire format)."),
                unreachableTimeout())
            .withConditions(new AtMostOneOf(List.of("connection", "bootstrapServers"),
                    "the cluster comes from the connection: remove bootstrapServers"),
                new ExactlyOneOf(List.of("topic", "topicExpression"),
                "set either `topic` (fixed) or `topicExpression` (per record)"),
                new RequiredWhen("avroSchema", "format", Set.of("avro"), "format avro writes with avroSchema: add it"),
                new ForbiddenWhen("avroSchema", "format", NOT_AVRO, "avroSchema needs format: avro"),
                new ForbiddenWhen("schemaRegistryUrl", "format", NOT_AVRO, "schemaRegistryUrl needs format: avro")),
        List.of("exactly one of topic, topicExpression", "at most one of connection, bootstrapServers", "format avro needs avroSchema"));
  }

  static ConnectorDescriptor datagenSource() {
    ObjectType field = ObjectType.of(
            required("name", identifier(), "Field name.").withExample("sensorId"),
            required("kind", oneOf("sequence", "random-int", "random-double", "random-string", "one-of", "timestamp", "uuid"),
                    "sequence: 0, 1, 2...; random-int/random-double in [min, max]; random-string of `length`; "
                        + "one-of `values`; timestamp: the event time; uuid.")
                .withExample("random-int"),
            optional("min", number(), "Lower bound (random-int, random-double).").withExample(0),
            optional("max", number(), "Upper bound (random-int, random-double).").withExample(100),
            optional("length", atLeast(1), "Length of random strings.").withDefault(8L),
            optional("values", nonEmptyListOf(string()), "Values to pick from (one-of).").withExample(List.of("a", "b")))
        .withConditions(new RequiredWhen("values", "kind", Set.of("one-of"), "list the values to pick from, e.g. values: [red, green]"));
    ObjectType nexmark = ObjectType.of(
        optional("stream", oneOf("all", "person", "auction", "bid"),
                "Which Nexmark events to emit: all (wrapped as {type, person, auction, bid}) or one kind.")
            .withDefault("all"));
    return new ConnectorDescriptor(DATAGEN_SOURCE, NodeRole.SOURCE,
        "Generates records: from field specs, or the Nexmark auction benchmark events.",
        ObjectType.of(
                optional("generator", oneOf("fields", "nexmark"), "fields: records from `fields`; nexmark: Nexmark events.")
                    .withDefault("fields"),
                optional("fields", nonEmptyListOf(field), "Field specs (generator fields)."),
                optional("nexmark", nexmark, "Nexmark options (generator nexmark)."),
                optional("rate", atLeast(1), "Records per second.").withDefault(1000L),
                optional("eventInterval", SettingTypes.duration(),
                        "Event time between consecutive records. Without it: 10 µs, the Nexmark schedule (100,000"
                            + " records per event-time second whatever `rate` is, so a 1 s window over 200 records/s"
                            + " closes after 8 minutes). Set it to 1/rate (e.g. 5ms at rate 200) for event time that"
                            + " follows the wall clock.")
                    .withExample("5ms"),
                optional("count", atLeast(1), "Stop after this many records (default: unbounded).").withExample(100000),
                optional("seed", SettingTypes.integer(Long.MIN_VALUE, Long.MAX_VALUE), "Random seed; the same seed gives the same records.")
                    .withDefault(0L))
            .withConditions(
                new RequiredWhen("fields", "generator", Set.of("fields"), "add `fields`, e.g. fields: [{name: id, kind: sequence}]"),
                new ForbiddenWhen("fields", "generator", Set.of("nexmark"), "the nexmark generator has fixed fields: remove `fields`"),
                new ForbiddenWhen("nexmark", "generator", Set.of("fields"), "`nexmark` options need generator: nexmark")),
        List.of(), new DatagenOutputType())
        .withPositionSettings("generator", "seed");
  }

  static ConnectorDescriptor httpSource() {
    return new ConnectorDescriptor(HTTP_SOURCE, NodeRole.SOURCE,
        "Records posted to the control plane's API (POST /api/v1/streams/{stream}/records).",
        ObjectType.of(
            required("stream", id(), "Stream name in the ingest URL.").withExample("clicks"),
            format(),
            optional("maxRecordSize", size(), "Largest accepted record.").withDefault("1MB")),
        List.of())
        .withPositionSettings("stream");
  }

  static ConnectorDescriptor fileSink() {
    return new ConnectorDescriptor(FILE_SINK, NodeRole.SINK,
        "Writes records as lines into files of a directory, exactly-once: each subtask writes a hidden in-progress "
            + "file that becomes a visible part file only when the checkpoint containing it completes.",
        ObjectType.of(
            required("path", string(),
                    "Output directory: a path on the workers' file system or a file:// URI; every worker must see the "
                        + "same directory (a shared volume). Created when missing.")
                .withExample("file:///data/out/word-counts"),
            optional("format", oneOf("json", "text"),
                    "Line encoding: json (each record as one JSON document) or text (the record's string form).")
                .withDefault("json"),
            optional("prefix", id(), "Name prefix of the committed part files: <prefix>-<node>-<subtask>-<checkpoint>-....")
                .withDefault("part")),
        List.of());
  }
}
