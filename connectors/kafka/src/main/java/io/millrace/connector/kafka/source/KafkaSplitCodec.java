package io.millrace.connector.kafka.source;

import io.millrace.engine.connector.SplitCodec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Splits in checkpoints: a version byte, a kind byte, then the fields. Version 1:
 * partition = {@code (utf topic, int partition, long nextOffset, long stopOffset)};
 * discovery = {@code (int n, n × (utf topic, int count))}.
 */
final class KafkaSplitCodec implements SplitCodec<KafkaSplit> {

  static final KafkaSplitCodec INSTANCE = new KafkaSplitCodec();

  private static final byte VERSION = 1;
  private static final byte PARTITION = 'P';
  private static final byte DISCOVERY = 'D';

  @Override
  public byte[] encode(KafkaSplit split) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      if (split instanceof KafkaSplit.PartitionSplit p) {
          out.writeByte(PARTITION);
          out.writeUTF(p.topic());
          out.writeInt(p.partition());
          out.writeLong(p.nextOffset());
          out.writeLong(p.stopOffset());
      } else if (split instanceof KafkaSplit.DiscoverySplit d) {
          out.writeByte(DISCOVERY);
          Map<String, Integer> sorted = new TreeMap<>(d.partitionCounts());
          out.writeInt(sorted.size());
          for (Map.Entry<String, Integer> e : sorted.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeInt(e.getValue());
          }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // in memory: cannot happen
    }
    return bytes.toByteArray();
  }

  @Override
  public KafkaSplit decode(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      byte version = in.readByte();
      if (version != VERSION) {
        throw new IllegalArgumentException("kafka split: unknown format version " + version + " (this build reads "
            + VERSION + ")");
      }
      byte kind = in.readByte();
      if (kind == PARTITION) {
        return new KafkaSplit.PartitionSplit(in.readUTF(), in.readInt(), in.readLong(), in.readLong());
      }
      if (kind == DISCOVERY) {
        int n = in.readInt();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
          counts.put(in.readUTF(), in.readInt());
        }
        return new KafkaSplit.DiscoverySplit(counts);
      }
      throw new IllegalArgumentException("kafka split: unknown kind " + kind);
    } catch (IOException e) {
      throw new IllegalArgumentException("kafka split: truncated or corrupt (" + e + ")", e);
    }
  }
}
