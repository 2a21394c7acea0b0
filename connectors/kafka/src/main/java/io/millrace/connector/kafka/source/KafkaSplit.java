package io.millrace.connector.kafka.source;

import io.millrace.engine.connector.SourceSplit;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;

/**
 * A split of a Kafka source: one topic partition with its position, or the source's single
 * discovery split. The engine spreads the list over subtasks (split i to subtask i mod p) and
 * redistributes it the same way from a checkpoint, so no coordinator is needed.
 */
public sealed interface KafkaSplit extends SourceSplit {

  /**
   * One topic partition.
   *
   * @param nextOffset the offset of the next record to read (a position, never "unresolved")
   * @param stopOffset where a bounded source stops (exclusive), or {@link #UNBOUNDED}
   */
  record PartitionSplit(String topic, int partition, long nextOffset, long stopOffset) implements KafkaSplit {

    public static final long UNBOUNDED = -1;

    public PartitionSplit {
      if (nextOffset < 0) {
        throw new IllegalArgumentException(topic + "-" + partition + ": next offset " + nextOffset + " < 0");
      }
    }

    @Override
    public String splitId() {
      return topic + "-" + partition;
    }

    public TopicPartition topicPartition() {
      return new TopicPartition(topic, partition);
    }

    public PartitionSplit at(long offset) {
      return new PartitionSplit(topic, partition, offset, stopOffset);
    }

    /** Bounded and read up to its stop offset. */
    public boolean finished() {
      return stopOffset != UNBOUNDED && nextOffset >= stopOffset;
    }
  }

  /**
   * Partition discovery of an unbounded source: the partitions known so far, as partition counts per
   * topic (Kafka partitions are numbered 0..n-1 and never removed). Exactly one subtask owns it and
   * so is the only one that adds new partitions (to itself); the next restore or rescale spreads
   * them over all subtasks with the others.
   */
  record DiscoverySplit(Map<String, Integer> partitionCounts) implements KafkaSplit {

    public static final String ID = "partition-discovery";

    public DiscoverySplit {
      partitionCounts = Map.copyOf(new TreeMap<>(partitionCounts));
    }

    @Override
    public String splitId() {
      return ID;
    }

    public boolean knows(TopicPartition tp) {
      Integer count = partitionCounts.get(tp.topic());
      return count != null && tp.partition() < count;
    }
  }
}
