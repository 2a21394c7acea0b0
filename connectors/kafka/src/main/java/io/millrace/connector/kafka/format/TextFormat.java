package io.millrace.connector.kafka.format;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A message is one UTF-8 string. Invalid UTF-8 is malformed (rather than silently replaced by
 * U+FFFD, which would corrupt the text without anyone noticing). Encoding writes strings as they
 * are and any other value as JSON, so the message still says what it held.
 */
public final class TextFormat implements RecordFormat {

  public static final TextFormat INSTANCE = new TextFormat();

  private TextFormat() {}

  @Override
  public String name() {
    return "text";
  }

  @Override
  public Decoded decode(byte[] payload) {
    if (payload == null) {
      return new Decoded.Value(null);
    }
    // a decoder per call: CharsetDecoder is stateful and not thread-safe
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      return new Decoded.Value(decoder.decode(ByteBuffer.wrap(payload)).toString());
    } catch (CharacterCodingException e) {
      return new Decoded.Malformed("format text: the message is not valid UTF-8 (" + e.getMessage() + ")");
    }
  }

  @Override
  public byte[] encode(Object value) {
    if (value instanceof String s) {
      return s.getBytes(StandardCharsets.UTF_8);
    }
    return JsonFormat.INSTANCE.encode(value);
  }
}
