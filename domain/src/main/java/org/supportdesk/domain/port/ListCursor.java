package org.supportdesk.domain.port;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.supportdesk.domain.problem.ValidationFailed;

/**
 * Where a keyset-paged list stopped (§16 "keyset pagination under {@code page}"): the page the cursor leads to, the
 * order the list was in, and the sort values and id of the last row shown, so the next page starts strictly after that
 * row whatever was inserted meanwhile, and costs the same however deep it is. Sent to clients as an opaque token
 * ({@code next_cursor}, {@code cursor}); only the store that made one reads its values.
 */
public record ListCursor(int page, String order, List<String> values, UUID lastId) {
    private static final String VERSION = "c1";

    public ListCursor {
        if (page < 2) {
            throw new IllegalArgumentException("a cursor leads to page 2 or later");
        }
        Objects.requireNonNull(order, "order");
        values = List.copyOf(values);
        Objects.requireNonNull(lastId, "lastId");
    }

    /** The token a client sends back as {@code cursor}. */
    public String encode() {
        List<String> parts = new ArrayList<>(List.of(VERSION, Integer.toString(page), order, lastId.toString()));
        parts.addAll(values);
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(String.join("\n", parts).getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a token made by {@link #encode}; anything else is refused as a bad {@code cursor}. */
    public static ListCursor decode(String token) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\n", -1);
            if (parts.length < 4 || !parts[0].equals(VERSION)) {
                throw notOneOurs();
            }
            return new ListCursor(
                    Integer.parseInt(parts[1]),
                    parts[2],
                    List.of(parts).subList(4, parts.length),
                    UUID.fromString(parts[3]));
        } catch (IllegalArgumentException malformed) {
            throw notOneOurs();
        }
    }

    /** Refuses a cursor made for a list in another order. */
    public ListCursor requireOrder(String expected) {
        if (!order.equals(expected)) {
            throw ValidationFailed.of("cursor", "was made for a list sorted by " + order + ", not " + expected);
        }
        return this;
    }

    /** The value at {@code index} read as a whole number; a cursor whose values are not is not one of ours. */
    public long number(int index) {
        try {
            return Long.parseLong(values.get(index));
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            throw notOneOurs();
        }
    }

    /** The refusal of a token that no list of ours made, or of a cursor whose values its list cannot read. */
    public static ValidationFailed notOneOurs() {
        return ValidationFailed.of("cursor", "is not a cursor this list gave (use next_cursor as it came)");
    }
}
