package io.millrace.engine.connector.datagen;

import io.millrace.engine.connector.InputStatus;
import io.millrace.engine.connector.ReaderOutput;
import io.millrace.engine.connector.Source;
import io.millrace.engine.connector.SourceReader;
import io.millrace.engine.connector.SourceReaderContext;
import io.millrace.engine.connector.SplitCodec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The {@code datagen-source} connector. The event sequence 0, 1, 2... is cut into {@code splitCount}
 * interleaved splits (split {@code s} holds indices {@code s, s + n, s + 2n...}); a split's position
 * is its next index, so a checkpoint holds a few longs and a restore — at any parallelism —
 * continues each split exactly where it was. A reader always emits the smallest pending index of
 * its splits, so its output is in event-time order.
 *
 * <p>{@code count} bounds the SEQUENCE (with {@code nexmark.stream: bid}, 100 000 events hold
 * 92 000 bids); {@code rate} limits sequence positions per second over all subtasks (0: as fast as
 * possible).
 */
public final class DatagenSource implements Source<DatagenSplit> {

  /** Enough splits to rescale up to 16 subtasks; readers interleave them (cheap: a min over a few longs). */
  public static final int DEFAULT_SPLITS = 16;
  private static final int RECORDS_PER_POLL = 256;

  private final RecordGenerator generator;
  private final long count;
  private final long ratePerSecond;
  private final int splitCount;
  private final long sampleMask;
  private final EmissionListener listener;

  private DatagenSource(RecordGenerator generator, long count, long ratePerSecond, int splitCount, long sampleEvery,
      EmissionListener listener) {
    if (splitCount < 1) {
      throw new IllegalArgumentException("splitCount must be >= 1");
    }
    if (Long.bitCount(sampleEvery) != 1) {
      throw new IllegalArgumentException("sampleEvery must be a power of two, got " + sampleEvery);
    }
    this.generator = generator;
    this.count = count;
    this.ratePerSecond = ratePerSecond;
    this.splitCount = splitCount;
    this.sampleMask = sampleEvery - 1;
    this.listener = listener;
  }

  /**
   * From a node's settings: {@code generator}, {@code fields}, {@code nexmark.stream}, {@code rate}
   * (default 1000/s), {@code count} (default unbounded), {@code seed} (default 0).
   */
  public static DatagenSource fromSettings(String nodeId, Map<String, Object> settings) {
    return new DatagenSource(DatagenSettings.generator(nodeId, settings),
        DatagenSettings.longSetting(nodeId, settings, "count", -1L),
        DatagenSettings.longSetting(nodeId, settings, "rate", 1000L), DEFAULT_SPLITS, 1, EmissionListener.NONE);
  }

  /** Same generator, at most {@code eventsPerSecond} (0: unlimited). */
  public DatagenSource withRate(long eventsPerSecond) {
    return new DatagenSource(generator, count, eventsPerSecond, splitCount, sampleMask + 1, listener);
  }

  /** Same generator, bounded to {@code events} sequence positions (-1: unbounded). */
  public DatagenSource withCount(long events) {
    return new DatagenSource(generator, events, ratePerSecond, splitCount, sampleMask + 1, listener);
  }

  public DatagenSource withSplits(int splits) {
    return new DatagenSource(generator, count, ratePerSecond, splits, sampleMask + 1, listener);
  }

  /** Tells {@code emissions} the emit time of every record whose index is a multiple of {@code every} (a power of two). */
  public DatagenSource withEmissionSampling(long every, EmissionListener emissions) {
    return new DatagenSource(generator, count, ratePerSecond, splitCount, every, emissions);
  }

  @Override
  public List<DatagenSplit> discoverSplits() {
    List<DatagenSplit> splits = new ArrayList<>(splitCount);
    for (int s = 0; s < splitCount; s++) {
      splits.add(new DatagenSplit(s, splitCount, s));
    }
    return splits;
  }

  @Override
  public SourceReader<DatagenSplit> createReader(SourceReaderContext context) {
    double share = ratePerSecond <= 0 ? 0 : (double) ratePerSecond / context.parallelism();
    return new Reader(share);
  }

  @Override
  public SplitCodec<DatagenSplit> splitCodec() {
    return new DatagenSplitCodec();
  }

  @Override
  public boolean bounded() {
    return count >= 0;
  }

  private final class Reader implements SourceReader<DatagenSplit> {
    private final double eventsPerSecond;
    private final EventRandom random;
    private int[] splitIndex = new int[0];
    private long[] next = new long[0];
    private long emitted;
    private long startNanos = -1;

    Reader(double eventsPerSecond) {
      this.eventsPerSecond = eventsPerSecond;
      this.random = new EventRandom(generator.seed());
    }

    @Override
    public void addSplits(List<DatagenSplit> splits) {
      List<DatagenSplit> all = new ArrayList<>(snapshotState(0));
      for (DatagenSplit split : splits) {
        if (split.splitCount() != splitCount) {
          throw new IllegalStateException("datagen split " + split.splitId() + " was cut into " + split.splitCount()
              + " splits, this source uses " + splitCount + ": restore with the same split count");
        }
        all.add(split);
      }
      all.sort(Comparator.comparingInt(DatagenSplit::index));
      splitIndex = all.stream().mapToInt(DatagenSplit::index).toArray();
      next = all.stream().mapToLong(DatagenSplit::nextEventIndex).toArray();
    }

    @Override
    public InputStatus pollNext(ReaderOutput output) {
      int budget = RECORDS_PER_POLL;
      if (eventsPerSecond > 0) {
        long now = System.nanoTime();
        if (startNanos < 0) {
          startNanos = now;
        }
        long allowed = (long) ((now - startNanos) / 1e9 * eventsPerSecond) - emitted;
        if (allowed <= 0) {
          return allDone() ? InputStatus.END_OF_INPUT : InputStatus.NOTHING_AVAILABLE;
        }
        budget = (int) Math.min(budget, allowed);
      }
      for (int n = 0; n < budget; n++) {
        int smallest = -1;
        for (int s = 0; s < next.length; s++) {
          if ((count < 0 || next[s] < count) && (smallest < 0 || next[s] < next[smallest])) {
            smallest = s;
          }
        }
        if (smallest < 0) {
          return InputStatus.END_OF_INPUT;
        }
        long index = next[smallest];
        next[smallest] = index + splitCount;
        emitted++;
        Object record = generator.generate(index, random);
        if (record != null) {
          if ((index & sampleMask) == 0) {
            // before collect: a chained sink may see the record inside collect
            listener.emitted(index, System.nanoTime());
          }
          output.collect(record, generator.timestampMillis(index));
        }
      }
      return allDone() ? InputStatus.END_OF_INPUT : InputStatus.MORE_AVAILABLE;
    }

    private boolean allDone() {
      if (count < 0) {
        return false;
      }
      for (long position : next) {
        if (position < count) {
          return false;
        }
      }
      return true;
    }

    @Override
    public List<DatagenSplit> snapshotState(long checkpointId) {
      List<DatagenSplit> state = new ArrayList<>(next.length);
      for (int s = 0; s < next.length; s++) {
        state.add(new DatagenSplit(splitIndex[s], splitCount, next[s]));
      }
      return state;
    }
  }
}
