package io.millrace.controlplane.console;

import com.microsoft.playwright.Page;

/**
 * Times one UI interaction inside the page with {@code performance.now()}: from the user's event (recorded by a
 * capture listener the moment the browser dispatches it) until the builder has committed the change (the YAML
 * editor's document changed, or a given element appeared) and the next frame was painted. Nothing is asserted on
 * the numbers: they are reported (the "interaction under 100 ms" is measured, not a flaky test).
 */
final class InteractionTimer {

    /** The YAML editor's document; CodeMirror keeps its view on the content element. */
    static final String DOC = "(() => { const c = document.querySelector('.cm-content');"
            + " const v = c && c.cmView && c.cmView.rootView && c.cmView.rootView.view;"
            + " return v ? v.state.doc.toString() : null; })()";

    private final Page page;

    InteractionTimer(Page page) {
        this.page = page;
        page.evaluate("() => { if (window.__mrEvents) return; window.__mrEvents = {};"
                + " for (const t of ['pointerdown', 'pointerup', 'focusout'])"
                + "   window.addEventListener(t, () => { window.__mrEvents[t] = performance.now(); }, true); }");
        if (page.evaluate("() => " + DOC) == null) {
            throw new AssertionError("cannot read the YAML editor's document (CodeMirror view not found)");
        }
    }

    String doc() {
        return (String) page.evaluate("() => " + DOC);
    }

    /** Milliseconds from {@code event} until the YAML document differs from {@code before} and a frame was painted. */
    double untilDocChanges(String event, Runnable action) {
        String before = doc();
        return time(event, "(() => { const d = " + DOC + "; return d !== null && d !== " + jsString(before) + "; })()",
                action);
    }

    /** Milliseconds from {@code event} until {@code selector} matches an element and a frame was painted. */
    double untilPresent(String event, String selector, Runnable action) {
        return time(event, "document.querySelector(" + jsString(selector) + ") !== null", action);
    }

    private double time(String event, String condition, Runnable action) {
        // Armed before the action: a rAF loop notes the first frame in which the condition holds.
        page.evaluate("() => { window.__mrSettled = null; delete window.__mrEvents['" + event + "'];"
                + " const tick = () => { if (" + condition + ") {"
                + "   requestAnimationFrame(() => { window.__mrSettled = performance.now(); }); }"
                + " else { requestAnimationFrame(tick); } }; requestAnimationFrame(tick); }");
        action.run();
        page.waitForFunction("() => window.__mrSettled !== null && window.__mrEvents['" + event + "'] !== undefined");
        return ((Number) page.evaluate("() => window.__mrSettled - window.__mrEvents['" + event + "']")).doubleValue();
    }

    static String jsString(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
