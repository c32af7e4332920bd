package org.supportdesk.adapter.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.StaticFilesConfig;
import io.javalin.event.HandlerMetaInfo;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.MDC;
import org.supportdesk.application.ids.ThreadCorrelation;
import org.supportdesk.domain.problem.DomainException;

/**
 * Builds the Javalin server: strict JSON, RFC 9457 problems for every failure (unknown routes and wrong methods
 * included), the web pages' static files, {@code nosniff}, {@code no-store} and a strict
 * Content-Security-Policy on every answer, a correlation id per request, rate limits with
 * their headers on every answer, and authentication before every matched route.
 */
public final class HttpServer {
    /** The header a request's correlation id travels in, both ways. */
    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    /** The log context key of the correlation id, which the log pattern prints. */
    public static final String CORRELATION_LOG_KEY = "correlation_id";
    /**
     * The one inline stylesheet the widget's screenshot library (html2canvas 1.4.1) adds to its copy of the page, by
     * its hash: it hides the pseudo-elements it draws itself. Nothing else inline is allowed (docs/widget.md).
     */
    private static final String HTML2CANVAS_STYLE_HASH = "'sha256-UP0QZg7irvSMvOBz9mH2PIIE28+57UiavRfeVea0l3g='";

    /**
     * Sent with every answer, pages and API alike: no page runs a script that is not a file of ours (no inline script,
     * no {@code eval}, no other origin), no page applies a style that is not ours, and no other site may frame one.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' "
            + HTML2CANVAS_STYLE_HASH
            + "; img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; object-src 'none';"
            + " base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /**
     * Sent with every answer: no browser may second-guess its declared type (RT CVE-2022-25802), and no cache may keep
     * it, since every answer is for its caller alone (tickets, tokens).
     */
    static final Map<String, String> SECURITY_HEADERS = Map.of(
            "X-Content-Type-Options", "nosniff",
            "Cache-Control", "no-store",
            "Content-Security-Policy", CONTENT_SECURITY_POLICY,
            "Referrer-Policy", "same-origin");

    private HttpServer() {}

    /**
     * A server, not started, with the given endpoint groups and {@code staticFiles}; every request passes the
     * {@code gate}. {@code routeAdded}
     * hears of every registered route, for the route table that tests and docs check.
     */
    public static Javalin create(
            ObjectMapper json,
            ThreadCorrelation correlation,
            RequestGate gate,
            List<Endpoints> endpoints,
            Consumer<StaticFilesConfig> staticFiles,
            Consumer<HandlerMetaInfo> routeAdded) {
        Problems problems = new Problems(json, correlation);
        return Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson(json, false));
            config.http.prefer405over404 = true;
            config.startup.showJavalinBanner = false;
            // Room for headers beyond the 8 KB token limit, so an oversized token is our uniform 401, not Jetty's 431.
            config.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(32 * 1024));
            config.jetty.modifyServer(server -> server.setErrorHandler(new ProblemErrorHandler(problems, gate)));
            config.events.handlerAdded(routeAdded);
            staticFiles.accept(config.staticFiles);
            config.routes.before(ctx -> {
                SECURITY_HEADERS.forEach(ctx::header);
                String id = correlation.begin(Optional.ofNullable(ctx.header(CORRELATION_HEADER)));
                MDC.put(CORRELATION_LOG_KEY, id);
                ctx.header(CORRELATION_HEADER, id);
            });
            config.routes.before(TransportChecks::refuseWhatCannotBeRead);
            config.routes.beforeMatched(gate::admit);
            config.routes.after(ctx -> {
                gate.answered(ctx);
                correlation.end();
                MDC.remove(CORRELATION_LOG_KEY);
            });
            config.routes.exception(DomainException.class, problems::domain);
            config.routes.exception(HttpProblem.class, problems::http);
            config.routes.exception(
                    Requests.UnreadableBody.class, (e, ctx) -> problems.unreadable(e.jsonProblem(), ctx));
            config.routes.exception(JsonProcessingException.class, problems::unreadable);
            config.routes.exception(HttpResponseException.class, problems::javalin);
            config.routes.exception(Exception.class, problems::unexpected);
            config.routes.error(404, ctx -> {
                if (!Problems.CONTENT_TYPE.equals(ctx.res().getContentType())) {
                    problems.write(ctx, ApiCode.NOT_FOUND, "No such route: " + ctx.path(), List.of(), Map.of());
                }
            });
            config.routes.error(
                    405,
                    ctx -> problems.write(
                            ctx,
                            ApiCode.METHOD_NOT_ALLOWED,
                            ctx.method() + " is not allowed here",
                            List.of(),
                            Map.of()));
            endpoints.forEach(group -> group.register(config.routes));
        });
    }
}
