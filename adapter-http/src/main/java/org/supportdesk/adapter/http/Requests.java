package org.supportdesk.adapter.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.supportdesk.adapter.http.json.UntrustedJson;
import org.supportdesk.domain.port.ListCursor;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.problem.FieldError;
import org.supportdesk.domain.problem.Validation;
import org.supportdesk.domain.problem.ValidationFailed;
import org.supportdesk.domain.ticket.TicketNotFound;
import org.supportdesk.domain.ticket.TicketRef;

/** Reading requests the same way on every route: JSON bodies, ticket references, query parameters, If-Match. */
public final class Requests {
    private static final Instant EARLIEST_TIME = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST_TIME = Instant.parse("9999-12-31T23:59:59.999999999Z");

    /** As {@link #etag} writes it: one spelling per version, so {@code "007"} is not the ETag of version 7. */
    private static final Pattern STRONG_ETAG = Pattern.compile("\"(0|[1-9]\\d{0,17})\"");

    private final ObjectMapper json;

    public Requests(ObjectMapper json) {
        this.json = json;
    }

    /**
     * The JSON body as {@code type}: 415 unless it is JSON, 400 when malformed, nested too deep, carrying unknown
     * fields, or breaking a limit of {@link UntrustedJson} — all before anything reads it.
     */
    public <T> T body(Context ctx, Class<T> type) {
        return decode(ctx.contentType(), ctx.body(), type);
    }

    /** {@link #body} over the request's content type and text, so the fuzz tests reach it without a server. */
    <T> T decode(String contentType, String body, Class<T> type) {
        ObjectNode tree = object(contentType, body);
        UntrustedJson.check(tree);
        try {
            return json.treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            throw new UnreadableBody(e);
        }
    }

    /**
     * The JSON object body as a tree, read like {@link #body} but for {@link UntrustedJson}'s rule on text: for a peer
     * relaying what people typed (Telegram's updates), whose text the core cleans itself, because refusing it would
     * only make the peer send it again and again.
     */
    public ObjectNode relayedBody(Context ctx) {
        return object(ctx.contentType(), ctx.body());
    }

    private ObjectNode object(String contentType, String body) {
        if (contentType == null
                || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new HttpProblem(ApiCode.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json");
        }
        try {
            JsonNode tree = json.readTree(body);
            if (tree == null || !tree.isObject()) {
                throw new HttpProblem(ApiCode.MALFORMED_JSON, "The body must be a JSON object");
            }
            return (ObjectNode) tree;
        } catch (JsonProcessingException e) {
            throw new UnreadableBody(e);
        }
    }

    /** The ticket named by the {@code id} path parameter (a UUID or a number); anything else is not found. */
    public static TicketRef ticketRef(Context ctx) {
        String raw = ctx.pathParam("id");
        return TicketRef.parse(raw).orElseThrow(() -> new TicketNotFound());
    }

    /**
     * The version the caller last read, from a strong {@code If-Match: "<version>"}; empty without the header or with
     * {@code *}. Any other value cannot match, so the request fails as stale.
     */
    public static Optional<Long> ifMatch(Context ctx) {
        return expectedVersion(ctx.header("If-Match"));
    }

    /** {@link #ifMatch} over the header's value (null when absent). */
    static Optional<Long> expectedVersion(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return Optional.empty();
        }
        Matcher m = STRONG_ETAG.matcher(header.strip());
        if (!m.matches()) {
            throw new HttpProblem(ApiCode.PRECONDITION_FAILED, "If-Match must be the ETag of the ticket, like \"3\"");
        }
        return Optional.of(Long.parseLong(m.group(1)));
    }

    /** The raw {@code If-Match} value, for resources whose ETag is not a version; empty without it or with {@code *}. */
    public static Optional<String> ifMatchTag(Context ctx) {
        String header = ctx.header("If-Match");
        return header == null || header.isBlank() || header.strip().equals("*")
                ? Optional.empty()
                : Optional.of(header.strip());
    }

    /** Sets the strong ETag of a ticket version. */
    public static void etag(Context ctx, long version) {
        ctx.header("ETag", "\"" + version + "\"");
    }

    /** A query parameter read by {@code parse}; a value {@code parse} refuses is a 400 naming the parameter. */
    public static <T> Optional<T> query(Context ctx, String name, Function<String, T> parse) {
        return query(ctx::queryParam, name, parse);
    }

    /** {@link #query(Context, String, Function)} over {@code parameters}, which answers a parameter's value or null. */
    public static <T> Optional<T> query(UnaryOperator<String> parameters, String name, Function<String, T> parse) {
        String raw = parameters.apply(name);
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        Validation.plainText(name, raw);
        try {
            return Optional.of(parse.apply(raw.strip()));
        } catch (ValidationFailed e) {
            throw new ValidationFailed(e.errors().stream()
                    .map(f -> new FieldError(name, f.message()))
                    .toList());
        } catch (RuntimeException e) {
            throw ValidationFailed.of(name, "is not valid: " + raw);
        }
    }

    /**
     * A time query parameter: an ISO-8601 instant within the years 1 to 9999, which every store and client can hold
     * (PostgreSQL refuses, with an error, a bound time past its own range).
     */
    public static Optional<Instant> timeQuery(UnaryOperator<String> parameters, String name) {
        return query(parameters, name, Requests::time);
    }

    /** {@link #timeQuery(UnaryOperator, String)} of a request. */
    public static Optional<Instant> timeQuery(Context ctx, String name) {
        return timeQuery(ctx::queryParam, name);
    }

    private static Instant time(String raw) {
        Instant time = Instant.parse(raw);
        if (time.isBefore(EARLIEST_TIME) || time.isAfter(LATEST_TIME)) {
            throw ValidationFailed.of("time", "must be a time in the years 1 to 9999");
        }
        return time;
    }

    /** An integer query parameter with a default. */
    public static int intQuery(Context ctx, String name, int defaultValue) {
        return intQuery(ctx::queryParam, name, defaultValue);
    }

    /** An integer query parameter of {@code parameters} with a default. */
    public static int intQuery(UnaryOperator<String> parameters, String name, int defaultValue) {
        return query(parameters, name, Integer::parseInt).orElse(defaultValue);
    }

    /**
     * The page of a list that pages by keyset: {@code cursor} (the {@code next_cursor} of the page before) or else
     * {@code page}, never both, and {@code limit}.
     */
    public static PageRequest keysetPage(Context ctx) {
        return keysetPage(ctx::queryParam);
    }

    /** {@link #keysetPage(Context)} over {@code parameters}. */
    public static PageRequest keysetPage(UnaryOperator<String> parameters) {
        int limit = intQuery(parameters, "limit", PageRequest.DEFAULT_TICKET_LIMIT);
        Optional<ListCursor> cursor = query(parameters, "cursor", ListCursor::decode);
        if (cursor.isPresent() && query(parameters, "page", raw -> raw).isPresent()) {
            throw ValidationFailed.of("cursor", "give page or cursor, not both");
        }
        return cursor.map(after -> PageRequest.ofTickets(after, limit))
                .orElseGet(() -> PageRequest.ofTickets(intQuery(parameters, "page", 1), limit));
    }

    /** Jackson could not read the body; rendered by {@link Problems#unreadable}. */
    public static final class UnreadableBody extends RuntimeException {
        private final JsonProcessingException cause;

        UnreadableBody(JsonProcessingException cause) {
            super(cause.getOriginalMessage(), cause, false, false);
            this.cause = cause;
        }

        public JsonProcessingException jsonProblem() {
            return cause;
        }
    }
}
