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

    @Test
    void withTheMainThreadCostTheSummaryAddsCpuAndItsMedians() {
        InteractionSamples edit = new InteractionSamples("edit");
        edit.add(90, new MainThreadCost.Cost(30, 20, 4, 6));
        edit.add(50, new MainThreadCost.Cost(25, 15, 2, 3));
        edit.add(70, new MainThreadCost.Cost(40, 30, 5, 8));
        assertThat(edit.summary()).isEqualTo("edit median 70 ms, max 90 ms (3: 90 50 70), main-thread CPU median 30 ms"
                + " (3: 30 25 40; script 20, style 4, layout 6 ms median)");
    }
}
