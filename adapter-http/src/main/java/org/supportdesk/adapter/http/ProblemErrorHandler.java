package org.supportdesk.adapter.http;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's refusals of a request it could not hand to Javalin (headers over the limit, a malformed request line …)
 * answered as problems too, so no client ever sees an HTML error page (§11).
 */
final class ProblemErrorHandler extends ErrorHandler {
    private final Problems problems;
    private final RequestGate gate;

    ProblemErrorHandler(Problems problems, RequestGate gate) {
        this.problems = problems;
        this.gate = gate;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        ApiCode code = ApiCode.forStatus(response.getStatus());
        byte[] body = problems.render(
                code,
                code.title(Locale.ENGLISH),
                Problems.locale(request.getHeaders().get(HttpHeader.ACCEPT_LANGUAGE)),
                List.of(),
                Map.of());
        gate.refused(Request.getRemoteAddr(request), request.getHeaders().get("X-Forwarded-For"))
                .forEach(response.getHeaders()::put);
        HttpServer.SECURITY_HEADERS.forEach(response.getHeaders()::put);
        response.setStatus(code.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problems.CONTENT_TYPE);
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }
}
