package org.supportdesk.domain.ticket;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.supportdesk.domain.problem.ValidationFailed;

/**
 * A ticket's custom fields as a JSON object text of at most 16 KB. The domain keeps the text opaque; the adapter that
 * receives it parses it and passes its canonical form.
 */
public record CustomFields(String json) {
    public static final int MAX_BYTES = 16 * 1024;
    public static final CustomFields EMPTY = new CustomFields("{}");

    public CustomFields {
        Objects.requireNonNull(json, "json");
        String text = json.strip();
        if (!text.startsWith("{") || !text.endsWith("}")) {
            throw ValidationFailed.of("custom_fields", "must be a JSON object");
        }
        if (json.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw ValidationFailed.of("custom_fields", "must be at most " + MAX_BYTES + " bytes");
        }
    }
}
