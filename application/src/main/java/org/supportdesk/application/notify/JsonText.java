package org.supportdesk.application.notify;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough JSON for a webhook body, a change event and a stored mail (the core has no JSON library): writing objects
 * of strings, numbers, booleans, lists and nested objects, and reading back a flat object of strings.
 */
public final class JsonText {
    private JsonText() {}

    /**
     * A flat object of string (or null) values, as {@link #object} writes one; a null value is left out.
     *
     * @throws IllegalArgumentException for anything else
     */
    static Map<String, String> flatObject(String json) {
        int[] at = {0}; // the read position, shared by the helpers below
        Map<String, String> values = new HashMap<>();
        expect(json, at, '{');
        if (!skipIf(json, at, '}')) {
            do {
                String key = string(json, at);
                expect(json, at, ':');
                if (skipSpace(json, at) && json.startsWith("null", at[0])) {
                    at[0] += 4;
                } else {
                    values.put(key, string(json, at));
                }
            } while (skipIf(json, at, ','));
            expect(json, at, '}');
        }
        if (skipSpace(json, at)) {
            throw new IllegalArgumentException("trailing text at " + at[0]);
        }
        return values;
    }

    /** Skips white space; answers whether any text is left. */
    private static boolean skipSpace(String json, int[] at) {
        while (at[0] < json.length() && " \t\r\n".indexOf(json.charAt(at[0])) >= 0) {
            at[0]++;
        }
        return at[0] < json.length();
    }

    private static boolean skipIf(String json, int[] at, char c) {
        if (skipSpace(json, at) && json.charAt(at[0]) == c) {
            at[0]++;
            return true;
        }
        return false;
    }

    private static void expect(String json, int[] at, char c) {
        if (!skipIf(json, at, c)) {
            throw new IllegalArgumentException("expected '" + c + "' at " + at[0]);
        }
    }

    private static String string(String json, int[] at) {
        expect(json, at, '"');
        StringBuilder out = new StringBuilder();
        while (at[0] < json.length()) {
            char c = json.charAt(at[0]++);
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
            } else if (at[0] < json.length()) {
                char escaped = json.charAt(at[0]++);
                switch (escaped) {
                    case '"', '\\', '/' -> out.append(escaped);
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        if (at[0] + 4 > json.length()) {
                            throw new IllegalArgumentException("a cut \\u escape");
                        }
                        out.append((char) Integer.parseInt(json.substring(at[0], at[0] + 4), 16));
                        at[0] += 4;
                    }
                    default -> throw new IllegalArgumentException("a bad escape at " + at[0]);
                }
            }
        }
        throw new IllegalArgumentException("an unterminated string");
    }

    /**
     * {@code values} as a JSON object, in their iteration order; a value is a String, a Number, a Boolean, null, a List
     * of values or a Map.
     */
    public static String object(Map<String, ?> values) {
        StringBuilder out = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<String, ?> entry : values.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            string(out, entry.getKey());
            out.append(':');
            value(out, entry.getValue());
        }
        return out.append('}').toString();
    }

    @SuppressWarnings("unchecked")
    private static void value(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                value(out, list.get(i));
            }
            out.append(']');
        } else if (value instanceof Map<?, ?> map) {
            out.append(object((Map<String, ?>) map));
        } else {
            string(out, value.toString());
        }
    }

    private static void string(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029' || c == '<' || c == '>' || c == '&') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
