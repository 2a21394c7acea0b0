package io.millrace.controlplane.console;

import com.microsoft.playwright.Page;

/**
 * Times one UI interaction inside the page with {@code performance.now()}: from the user's event (recorded by a
 * capture listener the moment the browser dispatches it) until the builder has committed the change (the text the
 * YAML editor shows changed, or a given element appeared) and the frame showing it was painted. Nothing is asserted on
 * the numbers: they are reported (the "interaction under 100 ms" is measured, not a flaky test).
 *
 * <p>The editor is read through its DOM only (what it shows): CodeMirror draws just the lines near its viewport, so a
 * caller first brings the line it expects to change into view ({@link #scrollYamlTo}).
 */
final class InteractionTimer {

    /** The text of the YAML editor's drawn lines. */
    static final String SHOWN_YAML = "(() => { const c = document.querySelector('[aria-label=\"Pipeline spec (YAML)\"]');"
            + " return c ? c.textContent : null; })()";

    private final Page page;

    InteractionTimer(Page page) {
        this.page = page;
        page.evaluate("() => { if (window.__mrEvents) return; window.__mrEvents = {};"
                + " for (const t of ['pointerdown', 'pointerup', 'focusout'])"
                + "   window.addEventListener(t, () => { window.__mrEvents[t] = performance.now(); }, true); }");
    }

    /** Scrolls the YAML editor (a page at a time, as a user does) until a line containing {@code text} is in view. */
    void scrollYamlTo(String text) {
        page.waitForFunction("(text) => { const c = document.querySelector('[aria-label=\"Pipeline spec (YAML)\"]');"
                + " const scroller = c.closest('.cm-scroller');"
                + " const line = [...c.querySelectorAll('.cm-line')].find(l => l.textContent.includes(text));"
                + " if (line) { const r = line.getBoundingClientRect(), b = scroller.getBoundingClientRect();"
                + "   if (r.top >= b.top && r.bottom <= b.bottom && r.bottom <= window.innerHeight) return true;"
                + "   line.scrollIntoView({block: 'center'}); return false; }"
                + " scroller.scrollTop += Math.max(scroller.clientHeight - 40, 100); return false; }", text);
    }

    /** Milliseconds from {@code event} until the editor shows different text and a frame was painted. */
    double untilShownYamlChanges(String event, Runnable action) {
        String before = (String) page.evaluate("() => " + SHOWN_YAML);
        return time(event, "(() => { const d = " + SHOWN_YAML + "; return d !== null && d !== " + jsString(before)
                + "; })()", action);
    }

    /** Milliseconds from {@code event} until {@code selector} matches an element and a frame was painted. */
    double untilPresent(String event, String selector, Runnable action) {
        return time(event, "document.querySelector(" + jsString(selector) + ") !== null", action);
    }

    private double time(String event, String condition, Runnable action) {
        // Armed before the action: a rAF loop finds the first frame in which the condition holds (the change is in
        // the DOM before that frame's paint); a task queued from that frame's rAF runs right after the frame was
        // painted, which is where the interaction ends (as INP measures "next paint"). The previous way, a second
        // rAF, counted up to one more frame of idle waiting.
        page.evaluate("() => { window.__mrSettled = null; delete window.__mrEvents['" + event + "'];"
                + " const tick = () => { if (" + condition + ") {"
                + "   setTimeout(() => { window.__mrSettled = performance.now(); }, 0); }"
                + " else { requestAnimationFrame(tick); } }; requestAnimationFrame(tick); }");
        action.run();
        page.waitForFunction("() => window.__mrSettled !== null && window.__mrEvents['" + event + "'] !== undefined");
        return ((Number) page.evaluate("() => window.__mrSettled - window.__mrEvents['" + event + "']")).doubleValue();
    }

    /**
     * The builder's own phase timings of the last edit ({@code performance.measure('millrace:<phase>')}, see the
     * console's {@code shell/phaseTiming.ts}), e.g. {@code edit 2 ms, read 24 ms, render 41 ms, yaml-editor 7 ms}
     * ({@code render} includes {@code read}).
     */
    String builderPhases() {
        return (String) page.evaluate("() => ['edit', 'read', 'render', 'yaml-editor'].map(p => {"
                + " const m = performance.getEntriesByName('millrace:' + p, 'measure').at(-1);"
                + " return p + ' ' + (m ? Math.round(m.duration) + ' ms' : '-'); }).join(', ')");
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
