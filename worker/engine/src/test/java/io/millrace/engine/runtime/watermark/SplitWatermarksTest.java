package io.millrace.engine.runtime.watermark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SplitWatermarksTest {

  @Test
  void theWatermarkIsTheMinimumOverSplitsAndNeverDecreases() {
    SplitWatermarks watermarks = new SplitWatermarks(100, 0, 0);
    var a = watermarks.split("a", 0);
    var b = watermarks.split("b", 0);
    watermarks.onRecord(b, true, 5_000, 0);
    assertThat(watermarks.nextWatermark(0)).isEqualTo(WatermarkValve.NO_CHANGE); // a has no timestamp yet
    watermarks.onRecord(a, true, 1_000, 0);
    assertThat(watermarks.nextWatermark(0)).isEqualTo(899);
    watermarks.onRecord(a, true, 2_000, 0);
    assertThat(watermarks.nextWatermark(0)).isEqualTo(1_899);
    watermarks.onRecord(b, true, 9_000, 0);
    assertThat(watermarks.nextWatermark(0)).isEqualTo(WatermarkValve.NO_CHANGE); // a still leads the minimum
    watermarks.release("a"); // a ended: only b counts
    assertThat(watermarks.nextWatermark(0)).isEqualTo(8_899);
    var c = watermarks.split("c", 0);
    watermarks.onRecord(c, true, 100, 0);
    assertThat(watermarks.nextWatermark(0)).isEqualTo(WatermarkValve.NO_CHANGE); // never backwards
  }

  @Test
  void aSplitQuietForTheIdleTimeoutIsExcludedUntilItsNextRecord() {
    SplitWatermarks watermarks = new SplitWatermarks(0, 1_000, 0);
    var a = watermarks.split("a", 0);
    var b = watermarks.split("b", 0);
    watermarks.onRecord(a, true, 500, 0);
    watermarks.onRecord(b, true, 100, 0);
    assertThat(watermarks.nextWatermark(0)).isEqualTo(99);
    watermarks.onRecord(a, true, 900, 600);
    assertThat(watermarks.nextWatermark(999)).isEqualTo(WatermarkValve.NO_CHANGE);
    assertThat(watermarks.nextWatermark(1_000)).isEqualTo(899); // b quiet for 1 s: idle
    assertThat(watermarks.becameIdle(1_000)).isFalse(); // a is still active
    watermarks.onRecord(b, true, 950, 1_100); // b is back and holds the minimum again
    watermarks.onRecord(a, true, 2_000, 1_100);
    assertThat(watermarks.nextWatermark(1_100)).isEqualTo(949);
  }

  @Test
  void whenEverySplitIsIdleTheSubtaskIsIdleUntilARecordArrives() {
    SplitWatermarks watermarks = new SplitWatermarks(0, 1_000, 0);
    var a = watermarks.split("a", 0);
    var b = watermarks.split("b", 0);
    watermarks.onRecord(a, true, 10, 0);
    b.markIdle(); // the reader says b has nothing for now
    assertThat(watermarks.nextWatermark(0)).isEqualTo(9);
    assertThat(watermarks.becameIdle(500)).isFalse();
    assertThat(watermarks.becameIdle(1_000)).isTrue();
    assertThat(watermarks.becameIdle(2_000)).isFalse(); // announced once
    assertThat(watermarks.onRecord(b, true, 20, 2_000)).isTrue(); // announce "active" before this record
    assertThat(watermarks.isIdle()).isFalse();
  }

  @Test
  void withoutAnySplitTheSubtaskIsIdleAfterTheTimeoutFromItsStart() {
    SplitWatermarks watermarks = new SplitWatermarks(0, 1_000, 5_000);
    assertThat(watermarks.becameIdle(5_999)).isFalse();
    assertThat(watermarks.becameIdle(6_000)).isTrue();
    assertThat(watermarks.nextWatermark(6_000)).isEqualTo(WatermarkValve.NO_CHANGE);
  }
}
