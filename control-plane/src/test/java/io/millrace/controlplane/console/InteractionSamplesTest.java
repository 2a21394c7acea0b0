package io.millrace.controlplane.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InteractionSamplesTest {

    @Test
    void medianOfAnOddAndAnEvenCountMaxAndTheSamplesInTheirOrder() {
        InteractionSamples move = new InteractionSamples("move");
        for (double sample : new double[] {140, 61, 58, 70, 49}) {
            move.add(sample);
        }
        assertThat(move.median()).isEqualTo(61);
        assertThat(move.max()).isEqualTo(140);
        assertThat(move.first()).isEqualTo(140);
        assertThat(move.summary()).isEqualTo("move median 61 ms, max 140 ms (5: 140 61 58 70 49)");
        move.add(100);
        assertThat(move.median()).isEqualTo(65.5);
    }
}
