package io.millrace.controlplane.console;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import java.util.HashMap;
import java.util.Map;

/**
 * What an interaction cost the page's main thread, from Chrome's own counters (CDP {@code Performance.getMetrics}):
 * CPU time of the main thread ({@code ThreadTime}) and the time spent in script, style and layout. Set beside the
 * wall-clock time from {@link InteractionTimer}, it tells work in the page from waiting for a CPU on a loaded machine.
 */
final class MainThreadCost {

    /** The counters at one moment, in seconds as Chrome reports them. */
    record Snapshot(Map<String, Double> seconds) {
    }

    /** Milliseconds between two snapshots. */
    record Cost(double cpu, double script, double style, double layout) {
    }

    private final CDPSession cdp;

    MainThreadCost(Page page) {
        cdp = page.context().newCDPSession(page);
        cdp.send("Performance.enable");
    }

    Snapshot snapshot() {
        JsonObject answer = cdp.send("Performance.getMetrics");
        Map<String, Double> seconds = new HashMap<>();
        for (JsonElement metric : answer.getAsJsonArray("metrics")) {
            JsonObject m = metric.getAsJsonObject();
            seconds.put(m.get("name").getAsString(), m.get("value").getAsDouble());
        }
        return new Snapshot(seconds);
    }

    Cost since(Snapshot before) {
        Snapshot now = snapshot();
        return new Cost(delta("ThreadTime", before, now), delta("ScriptDuration", before, now),
                delta("RecalcStyleDuration", before, now), delta("LayoutDuration", before, now));
    }

    private static double delta(String name, Snapshot before, Snapshot after) {
        return (after.seconds().getOrDefault(name, 0.0) - before.seconds().getOrDefault(name, 0.0)) * 1000;
    }
}
