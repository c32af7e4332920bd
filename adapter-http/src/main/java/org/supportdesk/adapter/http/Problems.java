package org.supportdesk.adapter.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.jetty.http.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.supportdesk.domain.call.CallStatus;
import org.supportdesk.domain.call.InvalidCallTransition;
import org.supportdesk.domain.port.CorrelationIds;
import org.supportdesk.domain.problem.DomainException;
import org.supportdesk.domain.problem.FieldError;
import org.supportdesk.domain.problem.ProblemCode;
import org.supportdesk.domain.problem.ValidationFailed;
import org.supportdesk.domain.ticket.FollowUpRequired;
import org.supportdesk.domain.ticket.InvalidTransition;
import org.supportdesk.domain.ticket.TicketStatus;

/**
 * Renders every failure as RFC 9457 {@code application/problem+json} with a stable {@code code}, in English or
 * Russian by {@code Accept-Language}. Unexpected failures become {@code INTERNAL} with the request's correlation id,
 * which the log line carries too; no stack trace ever reaches a client.
 */
public final class Problems {
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);
    public static final String CONTENT_TYPE = "application/problem+json";
    static final int RETRY_UNAVAILABLE_AFTER_SECONDS = 5;

    private final ObjectMapper json;
    private final CorrelationIds correlation;

    public Problems(ObjectMapper json, CorrelationIds correlation) {
        this.correlation = correlation;
        this.json = json;
    }

    public void domain(DomainException e, Context ctx) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        List<FieldError> errors = List.of();
        if (e instanceof ValidationFailed invalid) {
            errors = invalid.errors();
        } else if (e instanceof InvalidTransition refused) {
            extensions.put(
                    "allowed_targets",
                    refused.allowedTargets().stream()
                            .sorted()
                            .map(TicketStatus::wireName)
                            .collect(Collectors.toList()));
        } else if (e.code() == ProblemCode.UNAVAILABLE) {
            // Short, so clients come back soon after the store does; the answer itself comes fast (bounded waits).
            ctx.header("Retry-After", String.valueOf(RETRY_UNAVAILABLE_AFTER_SECONDS));
        } else if (e instanceof InvalidCallTransition refused) {
            extensions.put(
                    "allowed_targets",
                    refused.allowedTargets().stream()
                            .sorted()
                            .map(CallStatus::wireName)
                            .collect(Collectors.toList()));
        } else if (e instanceof FollowUpRequired followUp) {
            extensions.put("follow_up_of", followUp.ticket().toString());
            extensions.put("follow_up_route", "/api/v1/portal/tickets");
        }
        write(ctx, ApiCode.of(e.code()), e.detail(), errors, extensions);
    }

    public void http(HttpProblem e, Context ctx) {
        e.headers().forEach(ctx::header);
        write(ctx, e.code(), e.getMessage(), e.errors(), Map.of());
    }

    /** A request body Jackson could not read: bad JSON, or a field the route does not take. */
    public void unreadable(JsonProcessingException e, Context ctx) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            write(
                    ctx,
                    ApiCode.VALIDATION_FAILED,
                    "Unknown or forbidden field '" + unknown.getPropertyName() + "'",
                    List.of(new FieldError(unknown.getPropertyName(), "is not accepted here")),
                    Map.of());
        } else {
            write(ctx, ApiCode.MALFORMED_JSON, "The body is not valid JSON of the expected shape", List.of(), Map.of());
        }
    }

    public void unexpected(Exception e, Context ctx) {
        if (e instanceof HttpException refusal && refusal.getCode() < 500) {
            // Jetty refusing the request while a handler reads it (a body that ends before its Content-Length): the
            // client's doing, so its 4xx, not a failure of ours.
            ApiCode code = ApiCode.forStatus(refusal.getCode());
            write(ctx, code, "The request could not be read: " + refusal.getReason(), List.of(), Map.of());
            return;
        }
        String correlationId = correlation.current();
        LOG.error("request {} {} failed [correlation id {}]", ctx.method(), ctx.path(), correlationId, e);
        write(
                ctx,
                ApiCode.INTERNAL,
                "Something went wrong; quote correlation id " + correlationId,
                List.of(),
                Map.of());
    }

    /** Writes a problem with the given code. */
    public void write(
            Context ctx, ApiCode code, String detail, List<FieldError> errors, Map<String, Object> extensions) {
        ctx.status(code.status())
                .contentType(CONTENT_TYPE)
                .result(render(code, detail, locale(ctx.header("Accept-Language")), errors, extensions));
    }

    /** A Javalin refusal of its own (a body over the size limit …), rendered as the problem of its status. */
    public void javalin(HttpResponseException e, Context ctx) {
        write(ctx, ApiCode.forStatus(e.getStatus()), e.getMessage(), List.of(), Map.of());
    }

    /** The problem body, UTF-8 JSON, in the language {@code locale} asks for. */
    byte[] render(ApiCode code, String detail, Locale locale, List<FieldError> errors, Map<String, Object> extensions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", code.type());
        body.put("title", code.title(locale));
        body.put("status", code.status());
        body.put("detail", "ru".equals(locale.getLanguage()) ? code.title(locale) : detail);
        body.put("code", code.name());
        if (code == ApiCode.INTERNAL) {
            // Every response carries it in X-Correlation-Id; in the body only where it must be quoted to support,
            // so that refusals of one kind stay byte-identical (§8, §12).
            body.put("correlation_id", correlation.current());
        }
        if (!errors.isEmpty()) {
            body.put(
                    "errors",
                    errors.stream()
                            .map(f -> Map.of("field", f.field(), "message", f.message()))
                            .collect(Collectors.toList()));
        }
        body.putAll(extensions);
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render a problem", e);
        }
    }

    static Locale locale(String accept) {
        if (accept == null || accept.isBlank()) {
            return Locale.ENGLISH;
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(accept);
            Locale best = Locale.lookup(ranges, List.of(Locale.ENGLISH, Locale.forLanguageTag("ru")));
            return best == null ? Locale.ENGLISH : best;
        } catch (IllegalArgumentException | IndexOutOfBoundsException malformed) {
            // The JDK's parser throws ArrayIndexOutOfBoundsException on some malformed ranges, such as "-".
            return Locale.ENGLISH;
        }
    }
}
