package io.millrace.connector.kafka.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;

/**
 * A message is one datum in Avro's binary encoding, written with the node's {@code avroSchema} (no
 * schema id in the message: writer and reader agree on the schema out of band). Bytes that do not decode
 * with the schema, or that leave bytes over, are malformed. Thread-safe: readers and writers are made per
 * call (they are cheap; the schema is parsed once).
 */
public final class AvroFormat implements RecordFormat {

  private final Schema schema;

  public AvroFormat(Schema schema) {
    this.schema = schema;
  }

  @Override
  public String name() {
    return "avro";
  }

  public Schema schema() {
    return schema;
  }

  @Override
  public Decoded decode(byte[] payload) {
    if (payload == null) {
      return new Decoded.Malformed("format avro: the message has no value (a tombstone?)");
    }
    return decodeBody(payload, 0, schema, schema, "format avro");
  }

  /**
   * Decodes {@code payload[offset..]} written with {@code writer}, resolved to {@code reader}
   * (Avro schema resolution); {@code what} prefixes the reason when it is malformed.
   */
  static Decoded decodeBody(byte[] payload, int offset, Schema writer, Schema reader, String what) {
    BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(payload, offset, payload.length - offset, null);
    try {
      Object datum = new GenericDatumReader<>(writer, reader).read(null, decoder);
      if (!decoder.isEnd()) {
        return new Decoded.Malformed(what + ": bytes left over after the " + reader.getFullName()
            + " datum (message of another schema?)");
      }
      return new Decoded.Value(AvroValues.toRecordModel(datum, reader));
    } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException | NegativeArraySizeException
        | ClassCastException e) {
      // a truncated body, an impossible length or union index, bytes of another schema
      return new Decoded.Malformed(what + ": not a " + reader.getFullName() + " datum: "
          + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
    }
  }

  @Override
  public byte[] encode(Object value) {
    return encodeBody(value, schema, new ByteArrayOutputStream(64));
  }

  /** Appends the datum of {@code value} to {@code out} (which may hold a header already) and returns all of it. */
  static byte[] encodeBody(Object value, Schema schema, ByteArrayOutputStream out) {
    Object datum;
    try {
      datum = AvroValues.fromRecordModel(value, schema, "");
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("format avro (" + schema.getFullName() + "): " + e.getMessage(), e);
    }
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    try {
      new GenericDatumWriter<>(schema).write(datum, encoder);
      encoder.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // in memory: cannot happen
    }
    return out.toByteArray();
  }
}
