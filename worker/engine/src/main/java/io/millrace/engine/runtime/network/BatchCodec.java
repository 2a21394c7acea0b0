package io.millrace.engine.runtime.network;

import io.millrace.engine.api.StreamRecord;
import io.millrace.engine.runtime.exchange.Batch;
import io.millrace.engine.runtime.exchange.ControlElement;
import io.millrace.engine.serialization.BinaryReader;
import io.millrace.engine.serialization.BinaryWriter;
import io.millrace.engine.serialization.RecordCodec;
import io.millrace.engine.serialization.SerializationException;

/**
 * A {@link Batch} as bytes for the network (versioned binary, no Java serialization). Records use
 * {@link RecordCodec}; control elements have their own tags.
 *
 * <pre>
 *   frame    = version:varint  count:varint  element*
 *   element  = 0x00 record-flags value [key] [timestamp]     record: flags bit0 = key present,
 *                                                             bit1 = timestamp present (zig-zag varint)
 *            | 0x01 timestamp:zigzag                           watermark
 *            | 0x02 idle:bool                                  idle marker
 *            | 0x03 checkpointId:varlong flags                 barrier (bit0 savepoint, bit1 final)
 *            | 0x04                                            end of input
 * </pre>
 *
 * <p>One codec instance per sending thread: {@link #encode} reuses its buffer, so encoding allocates only the
 * returned frame. {@link #decode} is thread-safe (allocates what the batch holds).
 */
public final class BatchCodec {

  /** The frame format this engine writes and reads. */
  public static final int FORMAT_VERSION = 1;

  static final int RECORD = 0x00;
  static final int WATERMARK = 0x01;
  static final int IDLE = 0x02;
  static final int BARRIER = 0x03;
  static final int END_OF_INPUT = 0x04;

  private static final int HAS_KEY = 1;
  private static final int HAS_TIMESTAMP = 2;

  private final BinaryWriter out;

  public BatchCodec() {
    this(4096);
  }

  public BatchCodec(int initialBufferBytes) {
    this.out = new BinaryWriter(initialBufferBytes);
  }

  /** Encodes {@code batch} into this codec's buffer and returns a copy of the frame. */
  public byte[] encode(Batch batch) {
    encodeInto(batch);
    return out.toByteArray();
  }

  /**
   * Encodes {@code batch} into this codec's reused buffer; the frame is {@code buffer()[0, position())} until
   * the next call.
   */
  public BinaryWriter encodeInto(Batch batch) {
    out.reset();
    out.writeVarInt(FORMAT_VERSION);
    int size = batch.size();
    out.writeVarInt(size);
    Object[] elements = batch.elements();
    for (int i = 0; i < size; i++) {
      writeElement(elements[i], out);
    }
    return out;
  }

  private static void writeElement(Object element, BinaryWriter out) {
    if (element instanceof StreamRecord record) {
      int flags = (record.key() != null ? HAS_KEY : 0) | (record.hasTimestamp() ? HAS_TIMESTAMP : 0);
      out.writeByte(RECORD).writeByte(flags);
      RecordCodec.encode(record.value(), out);
      if (record.key() != null) {
        RecordCodec.encode(record.key(), out);
      }
      if (record.hasTimestamp()) {
        out.writeZigZagLong(record.timestamp());
      }
    } else if (element instanceof ControlElement.Watermark watermark) {
      out.writeByte(WATERMARK).writeZigZagLong(watermark.timestamp());
    } else if (element instanceof ControlElement.IdleMarker marker) {
      out.writeByte(IDLE).writeBoolean(marker.idle());
    } else if (element instanceof ControlElement.Barrier barrier) {
      out.writeByte(BARRIER).writeVarLong(barrier.checkpointId())
          .writeByte((barrier.savepoint() ? 1 : 0) | (barrier.finalCheckpoint() ? 2 : 0));
    } else if (element instanceof ControlElement.EndOfInput) {
      out.writeByte(END_OF_INPUT);
    } else {
      throw new SerializationException("batch element of type "
          + (element == null ? "null" : element.getClass().getName()) + " cannot be sent over the network");
    }
  }

  /** Decodes a whole frame. */
  public static Batch decode(byte[] frame) {
    return decode(frame, 0, frame.length);
  }

  /** Decodes the frame in {@code frame[offset, offset + length)}. */
  public static Batch decode(byte[] frame, int offset, int length) {
    BinaryReader in = new BinaryReader(frame, offset, length);
    int version = in.readVarInt();
    if (version != FORMAT_VERSION) {
      throw new SerializationException("batch frame format " + version + " is not supported (this engine reads "
          + FORMAT_VERSION + "); are both workers on the same engine version?");
    }
    int size = in.readVarInt();
    if (size < 0 || size > in.remaining()) {
      throw new SerializationException("batch frame announces " + size + " elements but has " + in.remaining()
          + " bytes: corrupt frame");
    }
    Object[] elements = new Object[size];
    for (int i = 0; i < size; i++) {
      elements[i] = readElement(in);
    }
    if (in.hasRemaining()) {
      throw new SerializationException(in.remaining() + " bytes left after " + size + " elements: corrupt frame");
    }
    return new Batch(elements, size);
  }

  private static Object readElement(BinaryReader in) {
    int tag = in.readUnsignedByte();
    return switch (tag) {
      case RECORD -> {
        int flags = in.readUnsignedByte();
        Object value = RecordCodec.decode(in);
        Object key = (flags & HAS_KEY) != 0 ? RecordCodec.decode(in) : null;
        long timestamp = (flags & HAS_TIMESTAMP) != 0 ? in.readZigZagLong() : StreamRecord.NO_TIMESTAMP;
        yield new StreamRecord(value, key, timestamp);
      }
      case WATERMARK -> new ControlElement.Watermark(in.readZigZagLong());
      case IDLE -> new ControlElement.IdleMarker(in.readBoolean());
      case BARRIER -> {
        long id = in.readVarLong();
        int flags = in.readUnsignedByte();
        yield new ControlElement.Barrier(id, (flags & 1) != 0, (flags & 2) != 0);
      }
      case END_OF_INPUT -> ControlElement.EndOfInput.INSTANCE;
      default -> throw new SerializationException("unknown batch element tag 0x" + Integer.toHexString(tag)
          + " at offset " + (in.position() - 1) + ": corrupt frame");
    };
  }
}
