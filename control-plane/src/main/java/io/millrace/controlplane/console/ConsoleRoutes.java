package io.millrace.controlplane.console;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Answers the console's deep links with its {@code index.html}. The route runs after every other one (the REST layer
 * and the static files hand on what they do not serve), so it only sees what would otherwise be a 404; it then
 * re-routes a GET or HEAD of a {@link ClientRoutes client route} to {@code /index.html}, which the static files serve.
 * The browser keeps its URL (and query, e.g. the sign-in callback's {@code code}), and the console's router shows
 * the page.
 */
@ApplicationScoped
public class ConsoleRoutes {

    /** Late, but before the API's own problem+json 404 for {@code /api/v1/*} (which this route never takes anyway). */
    static final int ORDER = Integer.MAX_VALUE - 2000;

    static final String INDEX = "/index.html";

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::serveIndex);
    }

    private void serveIndex(RoutingContext context) {
        HttpMethod method = context.request().method();
        boolean read = HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method);
        if (read && ClientRoutes.isClientRoute(context.normalizedPath())) {
            // index.html itself has a dot in its name: a console jar without it ends in the normal 404, not a loop.
            context.reroute(INDEX);
        } else {
            context.next();
        }
    }
}
