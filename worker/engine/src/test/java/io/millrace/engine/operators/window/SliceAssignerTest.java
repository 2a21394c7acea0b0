package io.millrace.engine.operators.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SliceAssignerTest {

  @Test
  void sliceIsGcdOfSizeAndSlide() {
    assertThat(SliceAssigner.sliding(10_000, 4_000).slice()).isEqualTo(2_000);
    assertThat(SliceAssigner.sliding(10_000, 2_000).slice()).isEqualTo(2_000);
    assertThat(SliceAssigner.tumbling(7_000).slice()).isEqualTo(7_000);
  }

  @Test
  void tumblingSliceIsTheWindow() {
    SliceAssigner a = SliceAssigner.tumbling(10);
    assertThat(a.sliceEndOf(0)).isEqualTo(10);
    assertThat(a.sliceEndOf(9)).isEqualTo(10);
    assertThat(a.sliceEndOf(10)).isEqualTo(20);
    assertThat(a.sliceEndOf(-1)).isEqualTo(0);
    assertThat(a.firstWindowEnd(20)).isEqualTo(20);
    assertThat(a.lastWindowEnd(20)).isEqualTo(20);
    assertThat(a.slicesPerWindow()).isEqualTo(1);
    assertThat(a.expiringSliceEnd(20, 0)).isEqualTo(20);
  }

  /** Compares the slice arithmetic with a brute-force enumeration of windows containing a timestamp. */
  @Test
  void slicedWindowsMatchBruteForceWindows() {
    long[][] shapes = {{10, 4}, {10, 2}, {9, 6}, {5, 5}, {12, 8}};
    for (long[] shape : shapes) {
      SliceAssigner a = SliceAssigner.sliding(shape[0], shape[1]);
      for (long t = -40; t < 40; t++) {
        List<Long> expected = new ArrayList<>();
        for (long end = -100; end <= 100; end += 0) {
          if (Math.floorMod(end, a.slide()) == 0 && end - a.size() <= t && t < end) {
            expected.add(end);
          }
          end++;
        }
        long sliceEnd = a.sliceEndOf(t);
        List<Long> actual = new ArrayList<>();
        for (long end = a.firstWindowEnd(sliceEnd); end <= a.lastWindowEnd(sliceEnd); end += a.slide()) {
          actual.add(end);
        }
        assertThat(actual).as("size %d slide %d t %d", shape[0], shape[1], t).isEqualTo(expected);
        // The slice is one of the window's slices, for every window containing t.
        for (long end : expected) {
          List<Long> slices = new ArrayList<>();
          for (int i = 0; i < a.slicesPerWindow(); i++) {
            slices.add(a.sliceEndInWindow(end, i));
          }
          assertThat(slices).contains(sliceEnd);
        }
        // The slice expires with exactly its last window.
        long last = a.lastWindowEnd(sliceEnd);
        List<Long> expiring = new ArrayList<>();
        for (int i = 0; i < a.slicesExpiringPerWindow(); i++) {
          expiring.add(a.expiringSliceEnd(last, i));
        }
        assertThat(expiring).contains(sliceEnd);
      }
    }
  }

  @Test
  void rejectsSlideLargerThanSize() {
    assertThatThrownBy(() -> SliceAssigner.sliding(5, 10)).hasMessageContaining("must not exceed size");
  }
}
