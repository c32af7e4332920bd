package org.supportdesk.adapter.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The web applications that embed the filing widget (docs/widget.md), by origin ({@code SUPPORTDESK_WIDGET_ORIGINS}):
 * a page of one of them may call the few routes the widget needs, with a bearer token. Cross-origin access is granted
 * to those origins on those routes only, and never with credentials, so a browser never sends the pages' session
 * cookie along; every other origin, and every other route, gets no CORS header at all (RT CVE-2012-4732).
 */
public final class WidgetOrigins implements Endpoints {
    /** What the widget calls: sign-in, the categories to file under, filing, and uploading the screenshot. */
    public static final List<String> ROUTES = List.of(
            "/api/v1/auth/login", "/api/v1/portal/categories", "/api/v1/portal/tickets", "/api/v1/portal/attachments");

    public static final WidgetOrigins NONE = new WidgetOrigins(Set.of());

    static final String ALLOWED_METHODS = "GET, POST";
    static final String ALLOWED_HEADERS = "Authorization, Content-Type, Accept-Language, Idempotency-Key";
    /** What the widget may read of an answer beyond the basic headers: how long to wait when throttled. */
    static final String EXPOSED_HEADERS = "Retry-After, X-Correlation-Id";
    /** How long a browser may reuse a preflight's answer. */
    static final String MAX_AGE_SECONDS = "600";

    private final Set<String> origins;

    private WidgetOrigins(Set<String> origins) {
        this.origins = Set.copyOf(origins);
    }

    /**
     * The given origins, as browsers write them ({@code https://shop.example.com}, {@code http://127.0.0.1:8081}).
     *
     * @throws IllegalArgumentException naming an entry that is not an http(s) origin: a path, a wildcard, {@code null}
     */
    public static WidgetOrigins of(Collection<String> origins) {
        return new WidgetOrigins(origins.stream().map(WidgetOrigins::origin).collect(Collectors.toSet()));
    }

    /** The origins granted, as the {@code Origin} header names them. */
    public Set<String> origins() {
        return origins;
    }

    @Override
    public void register(RoutesConfig routes) {
        if (origins.isEmpty()) {
            return;
        }
        ROUTES.forEach(path -> routes.before(path, this::grant));
        // A preflight has no route of its own: it is answered from the before-handler, and the after-handlers (the
        // correlation id, the address's quota) still run.
        routes.exception(Preflight.class, (answered, ctx) -> ctx.status(204));
    }

    private void grant(Context ctx) {
        ctx.header("Vary", "Origin");
        String origin = ctx.header("Origin");
        if (origin == null || !origins.contains(origin)) {
            return;
        }
        ctx.header("Access-Control-Allow-Origin", origin);
        if (ctx.method() == HandlerType.OPTIONS && ctx.header("Access-Control-Request-Method") != null) {
            ctx.header("Access-Control-Allow-Methods", ALLOWED_METHODS);
            ctx.header("Access-Control-Allow-Headers", ALLOWED_HEADERS);
            ctx.header("Access-Control-Max-Age", MAX_AGE_SECONDS);
            throw new Preflight();
        }
        ctx.header("Access-Control-Expose-Headers", EXPOSED_HEADERS);
    }

    private static String origin(String raw) {
        String entry = raw.strip();
        try {
            URI uri = new URI(entry.endsWith("/") ? entry.substring(0, entry.length() - 1) : entry);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean bare = uri.getHost() != null
                    && uri.getRawUserInfo() == null
                    && uri.getRawPath().isEmpty()
                    && uri.getRawQuery() == null
                    && uri.getRawFragment() == null;
            if ((scheme.equals("http") || scheme.equals("https")) && bare) {
                int port = uri.getPort();
                boolean defaultPort = port == -1 || port == (scheme.equals("https") ? 443 : 80);
                return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
            }
        } catch (URISyntaxException malformed) {
            // reported below
        }
        throw new IllegalArgumentException(
                "'" + raw + "' is not an origin: give scheme, host and port only, like https://shop.example.com");
    }

    /** Ends a preflight the before-handler answered: nothing else of the request runs. */
    private static final class Preflight extends RuntimeException {
        Preflight() {
            super(null, null, false, false);
        }
    }

    @Override
    public String toString() {
        return origins.stream().sorted().toList().toString();
    }
}
