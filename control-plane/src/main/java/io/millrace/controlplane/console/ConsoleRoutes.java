package io.millrace.controlplane.console;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Answers a GET or HEAD of a {@link ClientRoutes console deep link} with the console's {@code index.html}; the browser
 * keeps its URL (and query, e.g. the sign-in callback's {@code code}) and the console's router shows the page. The
 * page is read once from the console jar ({@code META-INF/resources/index.html}) and answered here directly: the
 * static-file handler only knows real files. It is never cached by the browser, so a new console build is picked up
 * on reload. Without a console on the class path (a build without web-console) every path keeps its normal 404.
 */
@ApplicationScoped
public class ConsoleRoutes {

    private static final Logger LOG = Logger.getLogger(ConsoleRoutes.class);

    static final String INDEX_RESOURCE = "META-INF/resources/index.html";

    /**
     * Early, before the REST layer: the client routes never overlap the API, {@code /q} or {@code /assets}
     * ({@link ClientRoutes#RESERVED_ROOTS}), and answering first spares every deep link a trip through them.
     */
    static final int ORDER = -1;

    private final Optional<Buffer> index;

    public ConsoleRoutes() {
        this.index = readIndex();
    }

    void install(@Observes Router router) {
        if (index.isEmpty()) {
            LOG.warnf("console: %s is not on the class path; console deep links answer 404", INDEX_RESOURCE);
            return;
        }
        router.route().order(ORDER).handler(this::serveIndex);
    }

    private void serveIndex(RoutingContext context) {
        HttpMethod method = context.request().method();
        boolean get = HttpMethod.GET.equals(method);
        if (!(get || HttpMethod.HEAD.equals(method)) || !ClientRoutes.isClientRoute(context.normalizedPath())) {
            context.next();
            return;
        }
        Buffer page = index.orElseThrow();
        var response = context.response().setStatusCode(200)
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/html;charset=UTF-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
        if (get) {
            response.end(page);
        } else {
            response.putHeader(HttpHeaders.CONTENT_LENGTH, Integer.toString(page.length())).end();
        }
    }

    private static Optional<Buffer> readIndex() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = loader == null ? null : loader.getResourceAsStream(INDEX_RESOURCE)) {
            return in == null ? Optional.empty() : Optional.of(Buffer.buffer(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the console's " + INDEX_RESOURCE, e);
        }
    }
}
