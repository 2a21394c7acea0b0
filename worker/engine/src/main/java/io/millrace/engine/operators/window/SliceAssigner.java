package io.millrace.engine.operators.window;

/**
 * Event-time arithmetic of tumbling and sliding windows cut into slices.
 *
 * <p>Windows are {@code [end - size, end)} with {@code end} a multiple of {@code slide} (epoch
 * aligned, no offset). Every window is the union of consecutive slices of length {@code slice =
 * gcd(size, slide)}, so a record updates exactly ONE slice accumulator and a window's result merges
 * {@code size / slice} slices when it fires: the cost per record does not grow with the number of
 * overlapping windows. A tumbling window is the case {@code slide == size} (one slice per window).
 *
 * <p>A slice is named by its end (exclusive), which is also its state namespace. All times are epoch
 * milliseconds; negative times work (floor arithmetic).
 */
public record SliceAssigner(long size, long slide, long slice) {

  public SliceAssigner {
    if (size <= 0 || slide <= 0) {
      throw new IllegalArgumentException("window size and slide must be positive, were " + size + " and " + slide);
    }
    if (slide > size) {
      throw new IllegalArgumentException("slide (" + slide + " ms) must not exceed size (" + size + " ms)");
    }
  }

  /** How slices are cut, e.g. {@code "windows 10000 ms every 10000 ms"} (part of the slice state's layout). */
  public String describe() {
    return "windows " + size + " ms every " + slide + " ms";
  }

  /** Tumbling windows of {@code size} ms. */
  public static SliceAssigner tumbling(long size) {
    return new SliceAssigner(size, size, size);
  }

  /** Sliding windows of {@code size} ms starting every {@code slide} ms. */
  public static SliceAssigner sliding(long size, long slide) {
    return new SliceAssigner(size, slide, gcd(size, slide));
  }

  static long gcd(long a, long b) {
    while (b != 0) {
      long t = a % b;
      a = b;
      b = t;
    }
    return a;
  }

  /** The end (exclusive) of the slice holding {@code timestamp}. */
  public long sliceEndOf(long timestamp) {
    return timestamp - Math.floorMod(timestamp, slice) + slice;
  }

  /** The end of the earliest window containing the slice ending at {@code sliceEnd}. */
  public long firstWindowEnd(long sliceEnd) {
    return ceilTo(sliceEnd, slide);
  }

  /** The end of the latest window containing the slice ending at {@code sliceEnd}. */
  public long lastWindowEnd(long sliceEnd) {
    return floorTo(sliceEnd - slice + size, slide);
  }

  /** Start of the window ending at {@code windowEnd}. */
  public long windowStart(long windowEnd) {
    return windowEnd - size;
  }

  /** The number of slices in one window. */
  public int slicesPerWindow() {
    return (int) (size / slice);
  }

  /** The end of the {@code i}-th slice (0 = oldest) of the window ending at {@code windowEnd}. */
  public long sliceEndInWindow(long windowEnd, int i) {
    return windowEnd - size + (i + 1) * slice;
  }

  /** How many slices become unused once the window ending at {@code windowEnd} is cleaned up. */
  public int slicesExpiringPerWindow() {
    return (int) (slide / slice);
  }

  /**
   * The end of the {@code i}-th slice (0-based, {@code i < slicesExpiringPerWindow()}) whose LAST
   * window is the one ending at {@code windowEnd}: once that window is cleaned up, no window reads
   * it any more and its state can be cleared.
   */
  public long expiringSliceEnd(long windowEnd, int i) {
    return windowEnd - size + (i + 1) * slice;
  }

  /** True when {@code t} is the end of some window. */
  public boolean isWindowEnd(long t) {
    return Math.floorMod(t, slide) == 0;
  }

  private static long ceilTo(long t, long unit) {
    long r = Math.floorMod(t, unit);
    return r == 0 ? t : t - r + unit;
  }

  private static long floorTo(long t, long unit) {
    return t - Math.floorMod(t, unit);
  }
}
