package org.supportdesk.adapter.http.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import org.supportdesk.domain.problem.Validation;
import org.supportdesk.domain.problem.ValidationFailed;

/**
 * The limits every request body meets before it is bound to anything (S4, S15): no array longer than
 * {@link #MAX_ARRAY_ITEMS}, and no field name or text value that is not {@linkplain Validation#isPlainText plain
 * text}. The nesting depth is bounded by the parser itself ({@link JsonMapping}), the size by the server.
 */
public final class UntrustedJson {
    /** More than any route takes (tags: 20, attachments: 10); a larger array is an attack or a mistake. */
    public static final int MAX_ARRAY_ITEMS = 1_000;

    private UntrustedJson() {}

    /** Refuses the body with a 400 naming the first field (a dotted path) that breaks a limit. */
    public static void check(JsonNode body) {
        check(body, "");
    }

    private static void check(JsonNode node, String path) {
        if (node.isTextual()) {
            Validation.plainText(path, node.textValue());
        } else if (node.isArray()) {
            if (node.size() > MAX_ARRAY_ITEMS) {
                throw ValidationFailed.of(path, "must have at most " + MAX_ARRAY_ITEMS + " items");
            }
            for (int i = 0; i < node.size(); i++) {
                check(node.get(i), path + "[" + i + "]");
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                Validation.plainText(name, field.getKey());
                check(field.getValue(), name);
            }
        }
    }
}
