package io.millrace.engine.operators.window;

import io.millrace.engine.operators.window.aggregate.AvgAccumulator;
import io.millrace.engine.operators.window.aggregate.TimedValue;
import io.millrace.engine.serialization.BinaryReader;
import io.millrace.engine.serialization.BinaryWriter;
import io.millrace.engine.serialization.RecordCodec;
import io.millrace.engine.serialization.SerializationException;
import io.millrace.engine.serialization.ValueSerializer;

/**
 * An accumulator row of {@link io.millrace.engine.operators.window.aggregate.AggregateSet}: varint
 * slot count, then per slot a tag byte — 0 record-model value ({@link RecordCodec}), 1 {@link
 * AvgAccumulator} (double sum, varint count), 2 {@link TimedValue} (zig-zag time, record value).
 */
public final class AccumulatorRowSerializer implements ValueSerializer<Object[]> {

  public static final AccumulatorRowSerializer INSTANCE = new AccumulatorRowSerializer();

  private static final int PLAIN = 0;
  private static final int AVG = 1;
  private static final int TIMED = 2;

  private AccumulatorRowSerializer() {}

  @Override
  public void serialize(Object[] row, BinaryWriter out) {
    out.writeVarInt(row.length);
    for (Object slot : row) {
      if (slot instanceof AvgAccumulator avg) {
        out.writeByte(AVG).writeDouble(avg.sum()).writeVarLong(avg.count());
      } else if (slot instanceof TimedValue timed) {
        out.writeByte(TIMED).writeZigZagLong(timed.timestamp());
        RecordCodec.encode(timed.value(), out);
      } else {
        out.writeByte(PLAIN);
        RecordCodec.encode(slot, out);
      }
    }
  }

  @Override
  public Object[] deserialize(BinaryReader in) {
    Object[] row = new Object[in.readVarInt()];
    for (int i = 0; i < row.length; i++) {
      int tag = in.readUnsignedByte();
      row[i] = switch (tag) {
        case PLAIN -> RecordCodec.decode(in);
        case AVG -> new AvgAccumulator(in.readDouble(), in.readVarLong());
        case TIMED -> new TimedValue(in.readZigZagLong(), RecordCodec.decode(in));
        default -> throw new SerializationException("accumulator row: unknown slot tag " + tag);
      };
    }
    return row;
  }

  @Override
  public int version() {
    return 1;
  }
}
