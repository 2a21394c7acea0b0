package io.millrace.connector.kafka.source;

import io.millrace.connector.kafka.BackgroundProbe;
import io.millrace.connector.kafka.BrokerLiveness;
import io.millrace.connector.kafka.KafkaUnreachableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import java.util.logging.Logger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * The cluster calls of one source reader, on a thread of their own so that the task thread never waits
 * for the cluster: every probe interval the end offsets of the reader's partitions (consumer lag; they
 * also prove a broker answers — {@link BrokerLiveness}) and, for the owner of the discovery split, every
 * {@code partitionDiscoveryInterval} the look-up of new partitions, whose result the task thread takes
 * over with {@link #takeDiscovered()}.
 *
 * <p>Hand-over rules: the task thread publishes its partitions' positions ({@link #positions}, written
 * by it only) and the discovery split it holds ({@link #holdDiscovery}); this thread publishes end offsets
 * and at most one pending discovery result, and computes no new one while that is pending — so a
 * partition is never discovered twice.
 */
final class ReaderBackground implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(ReaderBackground.class.getName());

  /** New partitions found by discovery, and the discovery split that knows them. */
  record Discovered(List<KafkaSplit.PartitionSplit> added, KafkaSplit.DiscoverySplit split) {}

  private final KafkaSourceSettings settings;
  private final String name;
  private final LongSupplier clock;
  private final Admin admin;
  private final BrokerLiveness liveness;
  private final Duration callTimeout;
  /** Next offset to hand out per assigned partition (task thread writes). */
  private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();
  /** Log end (last stable) offsets per partition (this thread writes). */
  private final Map<TopicPartition, Long> endOffsets = new ConcurrentHashMap<>();
  private final AtomicReference<Discovered> discovered = new AtomicReference<>();
  private volatile KafkaSplit.DiscoverySplit discovery;
  /** Epoch millis of the newest record handed out (task thread writes). */
  private volatile long newestTimestamp = Long.MIN_VALUE;
  private long nextDiscoveryMillis;
  private BackgroundProbe probe;

  ReaderBackground(KafkaSourceSettings settings, String clientId, LongSupplier clock) {
    this.settings = settings;
    this.name = clientId;
    this.clock = clock;
    this.callTimeout = BackgroundProbe.requestTimeoutFor(settings.unreachableTimeout());
    this.liveness = new BrokerLiveness(settings.node(), settings.bootstrapServers(), settings.unreachableTimeout(),
        clock.getAsLong());
    this.admin = KafkaClients.admin(settings, clientId + "-background", callTimeout);
  }

  /** Starts probing (after the first partitions are known, so the first probe already fetches their ends). */
  void start() {
    if (probe == null) {
      probe = new BackgroundProbe("millrace-" + name, BackgroundProbe.intervalFor(settings.unreachableTimeout()),
          liveness, clock, this::step);
    }
  }

  BrokerLiveness liveness() {
    return liveness;
  }

  /** Task thread: where reading of {@code tp} stands now. */
  void position(TopicPartition tp, long nextOffset) {
    positions.put(tp, nextOffset);
  }

  /** Task thread: a record with this timestamp was handed out. */
  void read(long timestamp) {
    if (timestamp > newestTimestamp) {
      newestTimestamp = timestamp;
    }
  }

  /** Task thread: the discovery split this reader holds now (null: it does not discover). */
  void holdDiscovery(KafkaSplit.DiscoverySplit split) {
    if (discovery == null && split != null) {
      nextDiscoveryMillis = clock.getAsLong() + settings.discoveryInterval().toMillis();
    }
    discovery = split;
  }

  /** Task thread: new partitions found since the last call, or null. Taking it allows the next discovery. */
  Discovered takeDiscovered() {
    Discovered d = discovered.get();
    if (d != null) {
      discovery = d.split();
      discovered.set(null); // after the split: the next run compares with what the task now holds
    }
    return d;
  }

  /** Records between the reader's positions and the ends of its partitions (reporter thread). */
  long lagRecords() {
    long lag = 0;
    for (Map.Entry<TopicPartition, Long> e : positions.entrySet()) {
      Long end = endOffsets.get(e.getKey());
      if (end != null && end > e.getValue()) {
        lag += end - e.getValue();
      }
    }
    return lag;
  }

  /** Seconds since the newest record read was written, while there is lag; 0 when caught up (reporter thread). */
  long lagSeconds() {
    long newest = newestTimestamp;
    if (lagRecords() == 0 || newest == Long.MIN_VALUE) {
      return 0;
    }
    return Math.max(0, (clock.getAsLong() - newest) / 1000);
  }

  private void step() throws Exception {
    List<TopicPartition> assigned = new ArrayList<>(positions.keySet());
    PartitionDiscovery lookup = new PartitionDiscovery(settings, admin);
    if (assigned.isEmpty()) {
      admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) callTimeout.toMillis())).nodes()
          .get(callTimeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
    } else {
      endOffsets.putAll(lookup.endOffsets(assigned));
    }
    discoverIfDue(lookup);
  }

  private void discoverIfDue(PartitionDiscovery lookup) {
    KafkaSplit.DiscoverySplit known = discovery;
    if (known == null || discovered.get() != null || clock.getAsLong() < nextDiscoveryMillis) {
      return;
    }
    nextDiscoveryMillis = clock.getAsLong() + settings.discoveryInterval().toMillis();
    try {
      List<TopicPartition> now = lookup.partitions();
      List<TopicPartition> fresh = now.stream().filter(tp -> !known.knows(tp)).toList();
      if (fresh.isEmpty()) {
        return;
      }
      // new partitions start at their beginning: everything written to them since they appeared is new input
      Map<TopicPartition, Long> start = lookup.listOffsets(fresh, OffsetSpec.earliest());
      List<KafkaSplit.PartitionSplit> added = new ArrayList<>();
      fresh.forEach(tp -> added.add(new KafkaSplit.PartitionSplit(tp.topic(), tp.partition(), start.get(tp),
          KafkaSplit.PartitionSplit.UNBOUNDED)));
      Map<String, Integer> counts = new HashMap<>(known.partitionCounts());
      PartitionDiscovery.counts(now).forEach((topic, count) -> counts.merge(topic, count, Math::max));
      discovered.set(new Discovered(added, new KafkaSplit.DiscoverySplit(counts)));
    } catch (KafkaSourceException | KafkaUnreachableException e) {
      // retried at the next interval; reading the known partitions goes on meanwhile
      LOG.warning(() -> e.getMessage() + " (partition discovery, retried in " + settings.discoveryInterval() + ")");
    }
  }

  @Override
  public void close() {
    if (probe != null) {
      probe.close();
    }
    admin.close(Duration.ofSeconds(1));
  }
}
