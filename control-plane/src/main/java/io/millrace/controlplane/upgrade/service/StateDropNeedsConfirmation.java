package io.millrace.controlplane.upgrade.service;

import io.millrace.spec.statediff.StateDiff;

/**
 * A deploy over a running job would drop state and the request did not confirm it: answered as 409
 * {@code state-drop-needs-confirmation} whose body carries the {@code stateDiff} the console's deploy dialog shows.
 */
public final class StateDropNeedsConfirmation extends RuntimeException {

    private final transient StateDiffView diff;

    public StateDropNeedsConfirmation(StateDiffView diff) {
        super(message(diff), null, false, false);
        this.diff = diff;
    }

    public StateDiffView diff() {
        return diff;
    }

    private static String message(StateDiffView view) {
        StateDiff diff = view.stateDiff();
        StringBuilder text = new StringBuilder("deploying version ").append(view.toVersion())
                .append(" over the running job ").append(view.fromJobId()).append(" (version ")
                .append(view.fromVersion()).append(") drops the state of ");
        text.append(String.join(", ", diff.dropped().stream().map(n -> "'" + n.nodeId() + "'").toList()));
        text.append(" (").append(diff.dropped().get(0).reason()).append(")");
        text.append("; send the deploy again with \"confirmDroppedState\": true to accept, or keep the node ids and"
                + " state layouts to keep the state");
        return text.toString();
    }
}
