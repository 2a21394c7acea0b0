package io.millrace.worker.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class IntervalSharesTest {

    private static final Offset<Double> EXACT = Offset.offset(1e-12);

    @Test
    void busyIsWhatIsNeitherIdleNorBackpressured() {
        IntervalShares shares = IntervalShares.of(250, 150, 1_000);
        assertThat(shares.idle()).isCloseTo(0.25, EXACT);
        assertThat(shares.backpressured()).isCloseTo(0.15, EXACT);
        assertThat(shares.busy()).isCloseTo(0.60, EXACT);
    }

    @Test
    void waitsReportedLateAreScaledDownToTheIntervalAndBusyIsZero() {
        // a 600 ns idle stretch that began in the previous interval, plus 900 ns backpressured
        IntervalShares shares = IntervalShares.of(600, 900, 1_000);
        assertThat(shares.busy()).isZero();
        assertThat(shares.idle()).isCloseTo(0.4, EXACT);
        assertThat(shares.backpressured()).isCloseTo(0.6, EXACT);
    }

    @Test
    void negativeDeltasCountAsNothingAndAnEmptyIntervalIsRefused() {
        IntervalShares shares = IntervalShares.of(-5, 0, 100);
        assertThat(shares.busy()).isEqualTo(1.0);
        assertThatThrownBy(() -> IntervalShares.of(0, 0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("interval");
    }
}
