package io.millrace.connector.kafka.format;

import java.nio.charset.StandardCharsets;

/** A message is raw bytes: the record value is the {@code byte[]} (CEL {@code bytes}) as received. */
public final class BytesFormat implements RecordFormat {

  public static final BytesFormat INSTANCE = new BytesFormat();

  private BytesFormat() {}

  @Override
  public String name() {
    return "bytes";
  }

  @Override
  public Decoded decode(byte[] payload) {
    return new Decoded.Value(payload);
  }

  /** {@code byte[]} as is, strings as UTF-8, {@code null} as no value; anything else is refused. */
  @Override
  public byte[] encode(Object value) {
    if (value == null || value instanceof byte[]) {
      return (byte[]) value;
    }
    if (value instanceof String s) {
      return s.getBytes(StandardCharsets.UTF_8);
    }
    throw new IllegalArgumentException("format bytes: the record value is a " + value.getClass().getSimpleName()
        + ", not bytes or a string; use format json or text, or a map node that yields bytes");
  }
}
