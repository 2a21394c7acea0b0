package io.millrace.engine.connector.datagen;

import io.millrace.engine.connector.SourceSplit;

/**
 * Split {@code index} of {@code splitCount}: the event indices {@code index + k × splitCount};
 * {@code nextEventIndex} is the next one to emit (the whole position — records are regenerated,
 * never stored).
 */
public record DatagenSplit(int index, int splitCount, long nextEventIndex) implements SourceSplit {

  public DatagenSplit {
    if (splitCount < 1 || index < 0 || index >= splitCount) {
      throw new IllegalArgumentException("split " + index + " of " + splitCount);
    }
    if (Math.floorMod(nextEventIndex - index, (long) splitCount) != 0) {
      throw new IllegalArgumentException("event " + nextEventIndex + " is not in split " + index + " of " + splitCount);
    }
  }

  @Override
  public String splitId() {
    return "datagen-" + index + "-of-" + splitCount;
  }
}
