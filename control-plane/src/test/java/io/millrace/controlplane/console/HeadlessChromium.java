package io.millrace.controlplane.console;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Playwright driving the machine's Chromium headless, offline: no browser download (also set here, for runs outside
 * failsafe), the driver from Playwright's driver-bundle jar. One browser per test class; each {@link #newPage()} is a
 * fresh context (its own cookies and storage: a fresh user).
 */
final class HeadlessChromium implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(HeadlessChromium.class);

    /** DESIGN.md §6: the flags this Chromium needs as root in a container, and no network beyond localhost. */
    static final List<String> FLAGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage");

    private final Playwright playwright;
    private final Browser browser;
    private final Path screenshots;

    private HeadlessChromium(Playwright playwright, Browser browser, Path screenshots) {
        this.playwright = playwright;
        this.browser = browser;
        this.screenshots = screenshots;
    }

    static HeadlessChromium launch(Path screenshots) {
        Path executable = ChromiumExecutable.locate();
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(executable).setHeadless(true).setArgs(FLAGS));
            LOG.infof("console e2e: %s %s (headless)", executable, browser.version());
            Files.createDirectories(screenshots);
            return new HeadlessChromium(playwright, browser, screenshots);
        } catch (IOException e) {
            playwright.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    /** A page in a new context: 1600×1000, so the builder shows palette, canvas, form and YAML side by side. */
    Page newPage() {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1600, 1000));
        // Conditions, not timings: this is only the upper bound of one auto-wait on a busy 2-core machine.
        context.setDefaultTimeout(30_000);
        return context.newPage();
    }

    /** Saves a full-page screenshot as a test artifact; returns where. */
    Path screenshot(Page page, String name) {
        Path file = screenshots.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        LOG.infof("console e2e: screenshot %s", file);
        return file;
    }

    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            playwright.close();
        }
    }
}
