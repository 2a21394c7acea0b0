package io.millrace.connector.kafka.source;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import io.millrace.connector.kafka.KafkaUnreachableException;

/**
 * Asks the cluster (admin client) which partitions a source reads and at which offsets: start
 * offsets per {@link StartFrom}, end offsets ({@code read_committed}: the last stable offset) for
 * bounded reads. Every call is bounded by the settings' API timeout and fails with a
 * {@link KafkaSourceException} that says what was asked of which cluster ({@link KafkaUnreachableException}
 * when it did not answer in time).
 */
final class PartitionDiscovery {

  private final KafkaSourceSettings settings;
  private final Admin admin;

  PartitionDiscovery(KafkaSourceSettings settings, Admin admin) {
    this.settings = settings;
    this.admin = admin;
  }

  /** The partitions of the selected topics, sorted by topic then partition. */
  List<TopicPartition> partitions() {
    Collection<String> topics;
    if (settings.topics() instanceof TopicSelection.Matching matching) {
      topics = get("list topics", admin.listTopics(new ListTopicsOptions().listInternal(false)).names()).stream()
          .filter(t -> matching.pattern().matcher(t).matches()).toList();
    } else {
      topics = ((TopicSelection.Named) settings.topics()).topics();
    }
    List<TopicPartition> partitions = new ArrayList<>();
    if (topics.isEmpty()) {
      return partitions;
    }
    Map<String, TopicDescription> described = get("describe " + topics,
        admin.describeTopics(topics).allTopicNames());
    described.values().forEach(d -> d.partitions().forEach(p -> partitions.add(new TopicPartition(d.name(), p.partition()))));
    partitions.sort(Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition));
    return partitions;
  }

  Map<TopicPartition, Long> startOffsets(List<TopicPartition> partitions, StartFrom from) {
    if (from instanceof StartFrom.AtTimestamp at) {
      return atTimestamp(partitions, at.at());
    }
    if (from instanceof StartFrom.Committed) {
      return committed(partitions);
    }
    return listOffsets(partitions, from instanceof StartFrom.Latest ? OffsetSpec.latest() : OffsetSpec.earliest());
  }

  /** Where a bounded read stops: the last stable offset of each partition now. */
  Map<TopicPartition, Long> endOffsets(List<TopicPartition> partitions) {
    return listOffsets(partitions, OffsetSpec.latest());
  }

  private Map<TopicPartition, Long> atTimestamp(List<TopicPartition> partitions, Instant at) {
    Map<TopicPartition, Long> found = listOffsets(partitions, OffsetSpec.forTimestamp(at.toEpochMilli()));
    Map<TopicPartition, Long> ends = null;
    for (TopicPartition tp : partitions) {
      if (found.get(tp) < 0) { // no record at or after the timestamp: start at the end
        ends = ends == null ? endOffsets(partitions) : ends;
        found.put(tp, ends.get(tp));
      }
    }
    return found;
  }

  private Map<TopicPartition, Long> committed(List<TopicPartition> partitions) {
    Map<TopicPartition, OffsetAndMetadata> committed = get("read committed offsets of group " + settings.groupId(),
        admin.listConsumerGroupOffsets(settings.groupId()).partitionsToOffsetAndMetadata());
    List<TopicPartition> without = partitions.stream()
        .filter(tp -> committed.get(tp) == null).toList();
    Map<TopicPartition, Long> offsets = new HashMap<>(listOffsets(without, OffsetSpec.earliest()));
    for (TopicPartition tp : partitions) {
      if (committed.get(tp) != null) {
        offsets.put(tp, committed.get(tp).offset());
      }
    }
    return offsets;
  }

  Map<TopicPartition, Long> listOffsets(Collection<TopicPartition> partitions, OffsetSpec spec) {
    Map<TopicPartition, Long> offsets = new HashMap<>();
    if (partitions.isEmpty()) {
      return offsets;
    }
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    partitions.forEach(tp -> request.put(tp, spec));
    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> result = get("list offsets",
        admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all());
    result.forEach((tp, info) -> offsets.put(tp, info.offset()));
    return offsets;
  }

  private <T> T get(String what, KafkaFuture<T> future) {
    long timeout = settings.apiTimeout().toMillis() + 1_000; // the client's own timeout fires first
    try {
      return future.get(timeout, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaSourceException(settings.describe() + ": interrupted while trying to " + what, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof UnknownTopicOrPartitionException) {
        throw new KafkaSourceException(settings.describe() + ": a topic does not exist (" + what + "): "
            + cause.getMessage() + "; create it or fix the topic setting", cause);
      }
      if (cause instanceof org.apache.kafka.common.errors.TimeoutException) {
        throw unreachable(what, cause);
      }
      throw new KafkaSourceException(settings.describe() + ": could not " + what + ": " + cause, cause);
    } catch (TimeoutException e) {
      throw unreachable(what, e);
    }
  }

  private KafkaUnreachableException unreachable(String what, Throwable cause) {
    return new KafkaUnreachableException(settings.node() + " (" + what + ")", settings.bootstrapServers(),
        settings.apiTimeout(), cause);
  }

  /** Topics of the selection that exist now, with their partition counts (discovery). */
  static Map<String, Integer> counts(List<TopicPartition> partitions) {
    Map<String, Integer> counts = new HashMap<>();
    for (TopicPartition tp : partitions) {
      counts.merge(tp.topic(), tp.partition() + 1, Math::max);
    }
    return counts;
  }

  static Set<String> topicsOf(List<TopicPartition> partitions) {
    return counts(partitions).keySet();
  }
}
