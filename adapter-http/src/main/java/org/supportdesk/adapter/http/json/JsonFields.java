package org.supportdesk.adapter.http.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DateTimeException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.supportdesk.domain.problem.NotFound;
import org.supportdesk.domain.problem.ValidationFailed;
import org.supportdesk.domain.tenant.Role;

/** Reading the partial bodies of PATCH and PUT: only the fields a route takes, each typed, none silently dropped. */
public final class JsonFields {
    private JsonFields() {}

    /** Refuses the first field of {@code body} that is not in {@code accepted}, naming it. */
    public static void onlyThese(ObjectNode body, Set<String> accepted) {
        body.fieldNames().forEachRemaining(name -> {
            if (!accepted.contains(name)) {
                throw ValidationFailed.of(name, "is not accepted here");
            }
        });
    }

    /** The field's value read by {@code read} when present; a present null is refused. */
    public static <T> Optional<T> optional(
            FieldReader fields, ObjectNode body, String field, Function<JsonNode, T> read) {
        if (!body.has(field)) {
            return Optional.empty();
        }
        JsonNode value = body.get(field);
        if (value.isNull()) {
            fields.read(field, () -> {
                throw ValidationFailed.of(field, "cannot be null");
            });
            return Optional.empty();
        }
        return fields.read(field, () -> read.apply(value));
    }

    public static String text(JsonNode value) {
        if (!value.isTextual()) {
            throw ValidationFailed.of("value", "must be text");
        }
        return value.asText();
    }

    public static boolean bool(JsonNode value) {
        if (!value.isBoolean()) {
            throw ValidationFailed.of("value", "must be true or false");
        }
        return value.asBoolean();
    }

    public static Role role(String raw) {
        return Role.parse(raw).orElseThrow(() -> ValidationFailed.of("role", "must be customer, agent or admin"));
    }

    /** The value {@code parse} makes; a value java.time or a parser refuses becomes an invalid field, not a 500. */
    public static <T> T valid(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (DateTimeException | NullPointerException refused) {
            throw new IllegalArgumentException(refused.getMessage(), refused);
        }
    }

    /** A UUID in a path; anything else names nothing, so it is not found (§17). */
    public static UUID pathId(String raw, String what) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException notAnId) {
            throw new NotFound(what + " not found");
        }
    }
}
