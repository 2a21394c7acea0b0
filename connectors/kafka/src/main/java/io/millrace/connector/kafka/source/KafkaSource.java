package io.millrace.connector.kafka.source;

import io.millrace.connector.kafka.KafkaDefaults;
import io.millrace.engine.connector.Source;
import io.millrace.engine.connector.SourceReader;
import io.millrace.engine.connector.SourceReaderContext;
import io.millrace.engine.connector.SplitCodec;
import io.millrace.spec.plan.JobVertex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;

/**
 * {@code kafka-source}: every topic partition is a split whose position is the next offset. On a
 * fresh start the partitions and their start offsets ({@code startFrom}) are listed once per source
 * instance, so all subtasks sharing it split the same list; with a checkpoint the engine restores
 * the splits instead. An unbounded source adds one {@link KafkaSplit.DiscoverySplit}; a bounded one
 * ({@code bounded: true}) gives each split the end offset seen at start and ends there.
 */
public final class KafkaSource implements Source<KafkaSplit> {

  private final KafkaSourceSettings settings;
  private List<KafkaSplit> initialSplits;

  KafkaSource(KafkaSourceSettings settings) {
    this.settings = settings;
  }

  /** The source of a {@code kafka-source} plan vertex; bad settings fail here, naming node and setting. */
  public static KafkaSource fromVertex(JobVertex vertex, KafkaDefaults defaults) {
    return new KafkaSource(KafkaSourceSettings.from(vertex.id(), vertex.settings(), defaults));
  }

  /** Also for tests that build a source without a plan. */
  public static KafkaSource fromSettings(String nodeId, Map<String, Object> settings, KafkaDefaults defaults) {
    return new KafkaSource(KafkaSourceSettings.from(nodeId, settings, defaults));
  }

  @Override
  public synchronized List<KafkaSplit> discoverSplits() {
    if (initialSplits == null) {
      initialSplits = listSplits();
    }
    return initialSplits;
  }

  private List<KafkaSplit> listSplits() {
    Admin admin = KafkaClients.admin(settings, "millrace-" + settings.nodeId() + "-discovery");
    try {
      PartitionDiscovery discovery = new PartitionDiscovery(settings, admin);
      List<TopicPartition> partitions = discovery.partitions();
      if (partitions.isEmpty() && settings.topics() instanceof TopicSelection.Named) {
        throw new KafkaSourceException(settings.describe() + ": the topics have no partitions", null);
      }
      Map<TopicPartition, Long> start = discovery.startOffsets(partitions, settings.startFrom());
      Map<TopicPartition, Long> stop = settings.bounded() ? discovery.endOffsets(partitions) : Map.of();
      List<KafkaSplit> splits = new ArrayList<>();
      for (TopicPartition tp : partitions) {
        long stopOffset = settings.bounded() ? stop.get(tp) : KafkaSplit.PartitionSplit.UNBOUNDED;
        long from = start.get(tp);
        splits.add(new KafkaSplit.PartitionSplit(tp.topic(), tp.partition(),
            settings.bounded() ? Math.min(from, stopOffset) : from, stopOffset));
      }
      if (!settings.bounded() && !settings.discoveryInterval().isZero()) {
        splits.add(new KafkaSplit.DiscoverySplit(PartitionDiscovery.counts(partitions)));
      }
      return List.copyOf(splits);
    } finally {
      admin.close(java.time.Duration.ofSeconds(5)); // bounded even when the cluster is gone
    }
  }

  @Override
  public SourceReader<KafkaSplit> createReader(SourceReaderContext context) {
    return new KafkaSourceReader(settings, context);
  }

  @Override
  public SplitCodec<KafkaSplit> splitCodec() {
    return KafkaSplitCodec.INSTANCE;
  }

  @Override
  public boolean bounded() {
    return settings.bounded();
  }
}
