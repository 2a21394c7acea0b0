package io.millrace.connector.kafka.source;

import io.millrace.engine.connector.InputStatus;
import io.millrace.engine.connector.ReaderOutput;
import io.millrace.engine.connector.SourceReader;
import io.millrace.engine.connector.SourceReaderContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads the partitions assigned to one subtask with one consumer ({@code assign}, no group
 * membership). Positions are the consumer's own ({@code position()} counts transaction markers
 * and aborted records skipped under {@code read_committed}), taken between polls so a snapshot
 * holds exactly what was handed out. Offsets are committed to the group only when a checkpoint
 * completes — for lag monitoring; recovery always uses the checkpoint. The owner of the
 * discovery split also looks for new partitions every {@code partitionDiscoveryInterval}.
 *
 * <p>Each partition is its own split for event time ({@link ReaderOutput#forSplit}): the task keeps a
 * watermark per partition and emits the minimum over partitions that are not idle, so a partition
 * that is behind is not late because another is ahead. A partition is announced as soon as it is
 * assigned (before its first record, so an empty partition holds the watermark back until its
 * {@code watermark.idleTimeout}) and released when a bounded partition is read to its end.
 */
final class KafkaSourceReader implements SourceReader<KafkaSplit> {

  private static final Logger LOG = Logger.getLogger(KafkaSourceReader.class.getName());
  /** Short, so the task can take a barrier soon; an empty poll lets the task idle-wait. */
  private static final Duration POLL_TIMEOUT = Duration.ofMillis(10);
  /** Gauge: log end offset minus position, summed over the subtask's partitions. */
  static final String LAG_RECORDS = "kafka.lag.records";
  /** Gauge: now minus the timestamp of the newest record read, while there is lag; else 0. */
  static final String LAG_SECONDS = "kafka.lag.seconds";
  /** How often the task thread publishes all positions (also those moved by transaction markers only). */
  private static final long POSITIONS_INTERVAL_MILLIS = 1_000;

  private final KafkaSourceSettings settings;
  private final SourceReaderContext context;
  private final RecordConverter converter;
  private final String clientId;
  private final Map<TopicPartition, KafkaSplit.PartitionSplit> splits = new LinkedHashMap<>();
  private final NavigableMap<Long, Map<TopicPartition, OffsetAndMetadata>> toCommit = new TreeMap<>();
  /** Assigned partitions the task has not been told about yet (announced at the next poll). */
  private final Set<TopicPartition> unannounced = new LinkedHashSet<>();
  private final ReaderBackground background;
  private KafkaConsumer<byte[], byte[]> consumer;
  private KafkaSplit.DiscoverySplit discovery;
  private long nextPositionsMillis;

  KafkaSourceReader(KafkaSourceSettings settings, SourceReaderContext context) {
    this.settings = settings;
    this.context = context;
    this.converter = new RecordConverter(settings.format(), settings.includeMetadata());
    this.clientId = "millrace-" + settings.nodeId() + "-" + context.subtaskIndex();
    this.background = new ReaderBackground(settings, clientId, context.clock()::currentTimeMillis);
    context.metrics().gauge(LAG_RECORDS, background::lagRecords);
    context.metrics().gauge(LAG_SECONDS, background::lagSeconds);
  }

  @Override
  public void addSplits(List<KafkaSplit> added) {
    List<KafkaSplit.PartitionSplit> partitions = new ArrayList<>();
    for (KafkaSplit split : added) {
      if (split instanceof KafkaSplit.PartitionSplit p) {
        partitions.add(p);
      } else if (split instanceof KafkaSplit.DiscoverySplit d) {
        discovery = d;
        background.holdDiscovery(d);
      }
    }
    assign(partitions);
    if (!settings.bounded() || !splits.isEmpty()) {
      background.start();
    }
    LOG.info(() -> settings.describe() + " subtask " + context.subtaskIndex() + " reads " + splits.size()
        + " partitions " + splits.keySet() + (discovery == null ? "" : " and discovers new partitions"));
  }

  private void assign(List<KafkaSplit.PartitionSplit> added) {
    if (added.isEmpty()) {
      return;
    }
    if (consumer == null) {
      consumer = KafkaClients.consumer(settings, clientId);
    }
    for (KafkaSplit.PartitionSplit split : added) {
      splits.put(split.topicPartition(), split);
    }
    consumer.assign(splits.keySet());
    for (KafkaSplit.PartitionSplit split : added) {
      consumer.seek(split.topicPartition(), split.nextOffset());
      background.position(split.topicPartition(), split.nextOffset());
      if (split.finished()) {
        consumer.pause(List.of(split.topicPartition()));
      } else {
        unannounced.add(split.topicPartition());
      }
    }
  }

  @Override
  public InputStatus pollNext(ReaderOutput output) {
    long now = context.clock().currentTimeMillis();
    background.liveness().check(now);
    takeDiscovered();
    if (consumer == null) {
      return settings.bounded() ? InputStatus.END_OF_INPUT : InputStatus.NOTHING_AVAILABLE;
    }
    announceSplits(output);
    ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL_TIMEOUT);
    for (TopicPartition tp : records.partitions()) {
      KafkaSplit.PartitionSplit split = splits.get(tp);
      ReaderOutput partitionOutput = output.forSplit(split.splitId());
      for (ConsumerRecord<byte[], byte[]> record : records.records(tp)) {
        if (split.stopOffset() != KafkaSplit.PartitionSplit.UNBOUNDED && record.offset() >= split.stopOffset()) {
          break; // bounded: records after the end seen at start belong to no one here
        }
        background.read(record.timestamp()); // before: the chain may hold the record a while (lag age)
        converter.convert(record, partitionOutput);
      }
      background.position(tp, consumer.position(tp));
    }
    if (now >= nextPositionsMillis) {
      nextPositionsMillis = now + POSITIONS_INTERVAL_MILLIS;
      splits.values().forEach(split -> background.position(split.topicPartition(), position(split)));
    }
    return settings.bounded() ? boundedStatus(output, records.isEmpty()) :
        records.isEmpty() ? InputStatus.NOTHING_AVAILABLE : InputStatus.MORE_AVAILABLE;
  }

  private void announceSplits(ReaderOutput output) {
    for (TopicPartition tp : unannounced) {
      output.forSplit(splits.get(tp).splitId());
    }
    unannounced.clear();
  }

  /**
   * Positions move past markers even when no record came, so every poll re-checks the ends. A
   * partition read to its end no longer holds the watermark back.
   */
  private InputStatus boundedStatus(ReaderOutput output, boolean empty) {
    boolean all = true;
    for (KafkaSplit.PartitionSplit split : splits.values()) {
      TopicPartition tp = split.topicPartition();
      if (!consumer.paused().contains(tp) && position(split) >= split.stopOffset()) {
        consumer.pause(List.of(tp));
        output.releaseSplit(split.splitId());
      }
      all &= consumer.paused().contains(tp);
    }
    return all ? InputStatus.END_OF_INPUT : empty ? InputStatus.NOTHING_AVAILABLE : InputStatus.MORE_AVAILABLE;
  }

  /** The next offset to hand out; a bounded split never reports beyond its stop offset. */
  private long position(KafkaSplit.PartitionSplit split) {
    long position = consumer.position(split.topicPartition(), settings.apiTimeout());
    return split.stopOffset() == KafkaSplit.PartitionSplit.UNBOUNDED ? position : Math.min(position, split.stopOffset());
  }

  /** Partitions the background discovery found: this subtask reads them from now on. */
  private void takeDiscovered() {
    ReaderBackground.Discovered found = background.takeDiscovered();
    if (found == null) {
      return;
    }
    discovery = found.split();
    assign(found.added());
    LOG.info(() -> settings.describe() + " subtask " + context.subtaskIndex() + " discovered new partitions "
        + found.added().stream().map(KafkaSplit.PartitionSplit::splitId).toList()
        + "; it reads them until the next restore or rescale spreads them");
  }

  @Override
  public List<KafkaSplit> snapshotState(long checkpointId) {
    List<KafkaSplit> state = new ArrayList<>();
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (Map.Entry<TopicPartition, KafkaSplit.PartitionSplit> e : splits.entrySet()) {
      KafkaSplit.PartitionSplit current = e.getValue().at(position(e.getValue()));
      e.setValue(current);
      state.add(current);
      offsets.put(e.getKey(), new OffsetAndMetadata(current.nextOffset()));
    }
    if (discovery != null) {
      state.add(discovery);
    }
    if (!offsets.isEmpty()) {
      toCommit.put(checkpointId, offsets);
    }
    return state;
  }

  @Override
  public void notifyCheckpointComplete(long checkpointId) {
    Map.Entry<Long, Map<TopicPartition, OffsetAndMetadata>> entry = toCommit.floorEntry(checkpointId);
    if (entry == null) {
      return;
    }
    Map<TopicPartition, OffsetAndMetadata> offsets = entry.getValue();
    toCommit.headMap(checkpointId, true).clear();
    // asynchronous: completes during a later poll; a failure only delays lag numbers, never correctness
    consumer.commitAsync(offsets, (committed, error) -> {
      if (error != null) {
        LOG.log(Level.WARNING, settings.describe() + " subtask " + context.subtaskIndex()
            + ": committing offsets of checkpoint " + checkpointId + " to group " + settings.groupId()
            + " failed: " + error);
      }
    });
  }

  @Override
  public void close() {
    background.close();
    if (consumer != null) {
      consumer.close(Duration.ofSeconds(5));
    }
  }
}
