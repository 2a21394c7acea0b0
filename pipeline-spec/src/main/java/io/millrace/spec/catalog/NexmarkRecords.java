package io.millrace.spec.catalog;

import io.millrace.spec.expr.FieldType;
import io.millrace.spec.expr.RecordType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The records the Nexmark generator emits ({@code datagen-source} with {@code generator: nexmark}),
 * with the standard fields of the Nexmark benchmark. Ids, prices and categories are ints (prices in
 * cents), times are timestamps.
 *
 * <p>{@code nexmark.stream: person | auction | bid} emits flat records of that event; {@code all}
 * (the default) emits one record per event: {@code {type: 'person' | 'auction' | 'bid', person,
 * auction, bid}} where the field named by {@code type} holds the event as a map and the two others
 * are null. Flat per-stream records keep the common queries typed end to end
 * ({@code value.price}); the wrapped form keeps one stream in event order for queries over all.
 */
public final class NexmarkRecords {

  public static final RecordType PERSON = RecordType.of(fields(
      "id", FieldType.INT, "name", FieldType.STRING, "emailAddress", FieldType.STRING,
      "creditCard", FieldType.STRING, "city", FieldType.STRING, "state", FieldType.STRING,
      "dateTime", FieldType.TIMESTAMP, "extra", FieldType.STRING));

  public static final RecordType AUCTION = RecordType.of(fields(
      "id", FieldType.INT, "itemName", FieldType.STRING, "description", FieldType.STRING,
      "initialBid", FieldType.INT, "reserve", FieldType.INT, "dateTime", FieldType.TIMESTAMP,
      "expires", FieldType.TIMESTAMP, "seller", FieldType.INT, "category", FieldType.INT,
      "extra", FieldType.STRING));

  public static final RecordType BID = RecordType.of(fields(
      "auction", FieldType.INT, "bidder", FieldType.INT, "price", FieldType.INT,
      "channel", FieldType.STRING, "url", FieldType.STRING, "dateTime", FieldType.TIMESTAMP,
      "extra", FieldType.STRING));

  public static final RecordType ALL = RecordType.of(fields(
      "type", FieldType.STRING, "person", FieldType.MAP, "auction", FieldType.MAP, "bid", FieldType.MAP));

  private NexmarkRecords() {}

  /** The record type of a {@code nexmark.stream} value; null for an unknown stream. */
  public static RecordType forStream(String stream) {
    return switch (stream) {
      case "all" -> ALL;
      case "person" -> PERSON;
      case "auction" -> AUCTION;
      case "bid" -> BID;
      default -> null;
    };
  }

  private static Map<String, FieldType> fields(Object... pairs) {
    Map<String, FieldType> fields = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      fields.put((String) pairs[i], (FieldType) pairs[i + 1]);
    }
    return fields;
  }
}
