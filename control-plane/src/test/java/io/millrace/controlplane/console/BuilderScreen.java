package io.millrace.controlplane.console;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.regex.Pattern;

/**
 * The builder page as a user sees it, by accessible names (web-console/README.md). Two things have no accessible name
 * and are found by React Flow's own markup: a node's box ({@code .react-flow__node[data-id]}) and its ports
 * ({@code .react-flow__handle}) — the only way to wire by dragging, as a user does.
 */
final class BuilderScreen {

    private final Page page;

    BuilderScreen(Page page) {
        this.page = page;
    }

    Page page() {
        return page;
    }

    Locator palette() {
        return page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Node palette"));
    }

    Locator paletteEntry(String type) {
        return palette().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
                .setName(Pattern.compile("^Add " + jsRegexLiteral(type) + ":")));
    }

    /** Playwright hands name patterns to the browser's RegExp, which knows no \\Q...\\E: escape by hand. */
    static String jsRegexLiteral(String text) {
        return text.replaceAll("[\\\\^$.|?*+()\\[\\]{}-]", "\\\\$0");
    }

    Locator canvas() {
        return page.getByLabel("Pipeline graph");
    }

    Locator toolbarButton(String name) {
        return page.getByRole(AriaRole.TOOLBAR, new Page.GetByRoleOptions().setName("Builder actions"))
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name).setExact(true));
    }

    Locator validationStatus() {
        return page.getByRole(AriaRole.TOOLBAR, new Page.GetByRoleOptions().setName("Builder actions"))
                .getByRole(AriaRole.STATUS);
    }

    /** The box of node {@code id} on the canvas. */
    Locator node(String id) {
        return page.locator(".react-flow__node[data-id='" + id + "']");
    }

    Locator nodes() {
        return page.locator(".react-flow__node");
    }

    Locator edge(String from, String to) {
        return page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName(from + " to " + to))
                .or(page.getByLabel(from + " to " + to, new Page.GetByLabelOptions().setExact(true)));
    }

    Locator form(String nodeId) {
        return page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("Settings of node " + nodeId));
    }

    /** The YAML editor's content (CodeMirror renders each line as a {@code .cm-line}). */
    Locator yaml() {
        return page.getByLabel("Pipeline spec (YAML)");
    }

    Locator yamlLineWithError() {
        return yaml().locator(".cm-line").filter(new Locator.FilterOptions().setHas(page.locator(".cm-lintRange-error")));
    }

    /**
     * The whole spec as the user gets it: the file the {@code Export} button downloads (the editor draws only the
     * lines near its viewport, so its DOM is not the whole document).
     */
    String exportedSpec() {
        Download download = page.waitForDownload(() -> toolbarButton("Export").click());
        try {
            return Files.readString(download.path(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the exported spec " + download.suggestedFilename(), e);
        }
    }

    /**
     * Brings the canvas zoom near {@code target} with its own zoom buttons, as a user does, so that dropped nodes get
     * predictable on-screen sizes. The zoom is read from React Flow's viewport transform (its markup, like nodes).
     */
    void zoomNear(double target) {
        for (int clicks = 0; clicks < 20; clicks++) {
            double zoom = ((Number) page.evaluate("() => new DOMMatrix(getComputedStyle("
                    + "document.querySelector('.react-flow__viewport')).transform).a")).doubleValue();
            if (zoom > target * 1.15) {
                canvasControl("Zoom Out").click();
            } else if (zoom < target / 1.15) {
                canvasControl("Zoom In").click();
            } else {
                return;
            }
        }
        throw new AssertionError("the canvas zoom did not come near " + target + " with its zoom buttons");
    }

    private Locator canvasControl(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    /** Drags a palette entry onto the canvas at ({@code x}, {@code y}) of the canvas, as a user does. */
    void dropKind(String type, double x, double y) {
        int before = nodes().count();
        paletteEntry(type).dragTo(canvas(), new Locator.DragToOptions().setTargetPosition(x, y));
        nodes().nth(before).waitFor();
    }

    /**
     * Drags from the output port of {@code from} to the input port of {@code to} with the mouse (React Flow wires on
     * pointer events, in small steps so it sees the pointer travel).
     */
    void wire(String from, String to) {
        Locator source = node(from).locator(".react-flow__handle.source").first();
        Locator target = node(to).locator(".react-flow__handle.target").first();
        BoundingBox a = source.boundingBox();
        BoundingBox b = target.boundingBox();
        page.mouse().move(a.x + a.width / 2, a.y + a.height / 2);
        page.mouse().down();
        page.mouse().move(b.x + b.width / 2, b.y + b.height / 2, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(12));
        page.mouse().up();
    }

    void select(String nodeId) {
        node(nodeId).click();
        form(nodeId).waitFor();
    }

    /** Renames the selected node {@code from} through the id field of its form. */
    void rename(String from, String to) {
        Locator id = form(from).getByRole(AriaRole.TEXTBOX, new Locator.GetByRoleOptions().setName("id").setExact(true));
        id.fill(to);
        id.press("Enter");
        form(to).waitFor();
        node(to).waitFor();
    }

    /** Types a text setting and commits it (fields commit on blur, one change = one undo step). */
    void setText(String nodeId, String field, String value) {
        Locator input = form(nodeId).getByRole(AriaRole.TEXTBOX, new Locator.GetByRoleOptions().setName(field).setExact(true));
        input.fill(value);
        input.blur();
    }

    void choose(String nodeId, String field, String option) {
        form(nodeId).getByRole(AriaRole.COMBOBOX, new Locator.GetByRoleOptions().setName(field).setExact(true))
                .selectOption(option);
    }

    /** A field set (nested object or list of objects) of the form, by its legend. */
    Locator group(String nodeId, String legend) {
        return form(nodeId).getByRole(AriaRole.GROUP, new Locator.GetByRoleOptions().setName(legend).setExact(true));
    }
}
