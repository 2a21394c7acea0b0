package io.millrace.engine.runtime.watermark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WatermarkTest {

  @Test
  void theCombinedWatermarkIsTheMinimumOverChannelsAndNeverDecreases() {
    WatermarkValve valve = new WatermarkValve(3);
    assertThat(valve.onWatermark(0, 100)).isEqualTo(WatermarkValve.NO_CHANGE);
    assertThat(valve.onWatermark(1, 50)).isEqualTo(WatermarkValve.NO_CHANGE);
    assertThat(valve.onWatermark(2, 70)).isEqualTo(50);
    assertThat(valve.onWatermark(1, 200)).isEqualTo(70);
    assertThat(valve.onWatermark(2, 60)).isEqualTo(WatermarkValve.NO_CHANGE); // a channel going back changes nothing
    assertThat(valve.current()).isEqualTo(70);
  }

  @Test
  void idleChannelsDoNotHoldTheWatermarkBack() {
    WatermarkValve valve = new WatermarkValve(2);
    valve.onWatermark(0, 100);
    assertThat(valve.onIdle(1, true)).isEqualTo(100); // channel 1 never sent anything and went idle
    assertThat(valve.allIdle()).isFalse();
    assertThat(valve.onWatermark(0, 150)).isEqualTo(150);
    // channel 1 wakes up with an old watermark: it cannot move the combined one back
    assertThat(valve.onWatermark(1, 120)).isEqualTo(WatermarkValve.NO_CHANGE);
    assertThat(valve.onWatermark(1, 400)).isEqualTo(WatermarkValve.NO_CHANGE);
    assertThat(valve.onWatermark(0, 300)).isEqualTo(300);
  }

  @Test
  void whenEveryChannelIsIdleTheTaskIsIdleAndTheWatermarkHolds() {
    WatermarkValve valve = new WatermarkValve(2);
    valve.onWatermark(0, 10);
    valve.onWatermark(1, 20);
    valve.onIdle(0, true);
    valve.onIdle(1, true);
    assertThat(valve.allIdle()).isTrue();
    assertThat(valve.current()).isEqualTo(20);
  }

  @Test
  void boundedOutOfOrdernessLagsTheHighestTimestamp() {
    var generator = new BoundedOutOfOrdernessWatermarks(200, 0, 0);
    assertThat(generator.nextWatermark()).isEqualTo(WatermarkValve.NO_CHANGE); // nothing seen yet
    generator.onRecord(1000, 0);
    generator.onRecord(900, 0);
    assertThat(generator.nextWatermark()).isEqualTo(799);
    generator.onRecord(950, 0);
    assertThat(generator.nextWatermark()).isEqualTo(WatermarkValve.NO_CHANGE);
    generator.onRecord(1500, 0);
    assertThat(generator.nextWatermark()).isEqualTo(1299);
  }

  @Test
  void aSilentSourceBecomesIdleAfterTheTimeoutAndWakesUpOnTheNextRecord() {
    var generator = new BoundedOutOfOrdernessWatermarks(0, 1000, 0);
    generator.onRecord(5, 100);
    assertThat(generator.becameIdle(1099)).isFalse();
    assertThat(generator.becameIdle(1100)).isTrue();
    assertThat(generator.becameIdle(5000)).isFalse(); // reported once
    assertThat(generator.isIdle()).isTrue();
    assertThat(generator.wakeUp()).isTrue();
    assertThat(generator.wakeUp()).isFalse();
  }
}
