package io.millrace.engine.connector;

import io.millrace.engine.api.StreamRecord;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded in-memory source for tests: the elements are cut into {@code splits} contiguous
 * splits; a split's position is the offset of the next element, so a restore continues exactly
 * where the checkpoint was taken.
 *
 * <p>{@link #releaseUpTo(long)} holds every split at an offset until the test releases more (no
 * sleeps needed to checkpoint "in the middle" of a run); by default everything is released.
 */
public final class CollectionSource implements Source<CollectionSource.Split> {

  /** One element with optional event time ({@link StreamRecord#NO_TIMESTAMP}). */
  public record Element(Object value, long timestamp) {}

  /** Split {@code index} at {@code offset} (the next element to read, relative to the split). */
  public record Split(int index, long offset) implements SourceSplit {
    @Override
    public String splitId() {
      return "split-" + index;
    }
  }

  private final List<List<Element>> splits;
  private final AtomicLong releasedOffset = new AtomicLong(Long.MAX_VALUE);
  private final int recordsPerPoll;

  private CollectionSource(List<Element> elements, int splitCount, int recordsPerPoll) {
    if (splitCount < 1) {
      throw new IllegalArgumentException("splits must be >= 1");
    }
    this.splits = new ArrayList<>();
    int size = elements.size();
    for (int s = 0; s < splitCount; s++) {
      int from = (int) ((long) s * size / splitCount);
      int to = (int) ((long) (s + 1) * size / splitCount);
      splits.add(List.copyOf(elements.subList(from, to)));
    }
    this.recordsPerPoll = recordsPerPoll;
  }

  /** Values without event time, in {@code splits} splits. */
  public static CollectionSource of(List<?> values, int splits) {
    List<Element> elements = new ArrayList<>(values.size());
    values.forEach(v -> elements.add(new Element(v, StreamRecord.NO_TIMESTAMP)));
    return new CollectionSource(elements, splits, 64);
  }

  /** Values with event time, in {@code splits} splits. */
  public static CollectionSource ofElements(List<Element> elements, int splits) {
    return new CollectionSource(elements, splits, 64);
  }

  /** Lets every split emit its elements up to (excluding) {@code offset}; more is held back. */
  public void releaseUpTo(long offset) {
    releasedOffset.set(offset);
  }

  /** Releases everything. */
  public void releaseAll() {
    releasedOffset.set(Long.MAX_VALUE);
  }

  public int splitCount() {
    return splits.size();
  }

  @Override
  public List<Split> discoverSplits() {
    List<Split> fresh = new ArrayList<>();
    for (int s = 0; s < splits.size(); s++) {
      fresh.add(new Split(s, 0));
    }
    return fresh;
  }

  @Override
  public SourceReader<Split> createReader(SourceReaderContext context) {
    return new Reader();
  }

  @Override
  public SplitCodec<Split> splitCodec() {
    return new SplitCodec<>() {
      @Override
      public byte[] encode(Split split) {
        return ByteBuffer.allocate(13).put((byte) 1).putInt(split.index()).putLong(split.offset()).array();
      }

      @Override
      public Split decode(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        byte version = buffer.get();
        if (version != 1) {
          throw new IllegalArgumentException("unknown collection split format " + version);
        }
        return new Split(buffer.getInt(), buffer.getLong());
      }
    };
  }

  @Override
  public boolean bounded() {
    return true;
  }

  private final class Reader implements SourceReader<Split> {
    private final List<long[]> assigned = new ArrayList<>(); // {split index, offset}
    private int cursor;

    @Override
    public void addSplits(List<Split> added) {
      added.forEach(s -> assigned.add(new long[] {s.index(), s.offset()}));
    }

    @Override
    public InputStatus pollNext(ReaderOutput output) {
      long limit = releasedOffset.get();
      boolean anyLeft = false;
      boolean held = false;
      for (int tried = 0; tried < assigned.size(); tried++) {
        long[] split = assigned.get(cursor);
        cursor = (cursor + 1) % assigned.size();
        List<Element> elements = splits.get((int) split[0]);
        if (split[1] >= elements.size()) {
          continue;
        }
        anyLeft = true;
        if (split[1] >= limit) {
          held = true;
          continue;
        }
        long end = Math.min(Math.min(elements.size(), limit), split[1] + recordsPerPoll);
        for (long i = split[1]; i < end; i++) {
          Element e = elements.get((int) i);
          output.collect(e.value(), e.timestamp());
        }
        split[1] = end;
        return InputStatus.MORE_AVAILABLE;
      }
      if (!anyLeft) {
        return InputStatus.END_OF_INPUT;
      }
      return held ? InputStatus.NOTHING_AVAILABLE : InputStatus.MORE_AVAILABLE;
    }

    @Override
    public List<Split> snapshotState(long checkpointId) {
      List<Split> state = new ArrayList<>();
      assigned.forEach(s -> state.add(new Split((int) s[0], s[1])));
      return state;
    }
  }
}
