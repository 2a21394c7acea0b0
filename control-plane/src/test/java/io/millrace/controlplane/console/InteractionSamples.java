package io.millrace.controlplane.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The repeated timings of one kind of interaction (select, move, edit): median and max are reported, not asserted
 * (see {@link InteractionTimer}). The first sample stays available: the first move of a spec without positions
 * writes every node's place and is reported on its own too.
 */
final class InteractionSamples {

    private final String kind;
    private final List<Double> millis = new ArrayList<>();
    private final List<MainThreadCost.Cost> costs = new ArrayList<>();

    InteractionSamples(String kind) {
        this.kind = kind;
    }

    void add(double sample) {
        millis.add(sample);
    }

    /** A sample with what it cost the page's main thread (CPU, script, style, layout). */
    void add(double sample, MainThreadCost.Cost cost) {
        millis.add(sample);
        costs.add(cost);
    }

    double first() {
        return millis.get(0);
    }

    double median() {
        return medianOf(millis);
    }

    private static double medianOf(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    double max() {
        return millis.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    }

    /** {@code move median 61 ms, max 140 ms (5: 140 61 58 ...)}: the samples in the order they were taken. */
    String summary() {
        StringBuilder each = new StringBuilder();
        for (double sample : millis) {
            each.append(' ').append(String.format(Locale.ROOT, "%.0f", sample));
        }
        String summary = String.format(Locale.ROOT, "%s median %.0f ms, max %.0f ms (%d:%s)", kind, median(), max(),
                millis.size(), each);
        if (costs.isEmpty()) {
            return summary;
        }
        StringBuilder cpu = new StringBuilder();
        for (MainThreadCost.Cost cost : costs) {
            cpu.append(' ').append(String.format(Locale.ROOT, "%.0f", cost.cpu()));
        }
        return summary + String.format(Locale.ROOT, ", main-thread CPU median %.0f ms (%d:%s; script %.0f, style %.0f,"
                + " layout %.0f ms median)", medianOf(costs.stream().map(MainThreadCost.Cost::cpu).toList()),
                costs.size(), cpu, medianOf(costs.stream().map(MainThreadCost.Cost::script).toList()),
                medianOf(costs.stream().map(MainThreadCost.Cost::style).toList()),
                medianOf(costs.stream().map(MainThreadCost.Cost::layout).toList()));
    }
}
