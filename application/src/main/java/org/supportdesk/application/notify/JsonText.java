package org.supportdesk.application.notify;

import java.util.HashMap;
import java.util.Map;

/**
 * Just enough JSON for a webhook body and a stored mail (the core has no JSON library): writing objects of strings and
 * nested objects, and reading back a flat object of strings.
 */
final class JsonText {
    private JsonText() {}

    /**
     * A flat object of string (or null) values, as {@link #object} writes one; a null value is left out.
     *
     * @throws IllegalArgumentException for anything else
     */
    static Map<String, String> flatObject(String json) {
        FlatReader reader = new FlatReader(json);
        Map<String, String> values = new HashMap<>();
        reader.expect('{');
        if (!reader.skipIf('}')) {
            do {
                String key = reader.string();
                reader.expect(':');
                if (reader.skipIf('n')) {
                    reader.expectWord("ull");
                } else {
                    values.put(key, reader.string());
                }
            } while (reader.skipIf(','));
            reader.expect('}');
        }
        reader.end();
        return values;
    }

    private static final class FlatReader {
        private final String text;
        private int at;

        FlatReader(String text) {
            this.text = text;
        }

        void expect(char c) {
            if (!skipIf(c)) {
                throw new IllegalArgumentException("expected '" + c + "' at " + at);
            }
        }

        boolean skipIf(char c) {
            skipSpace();
            if (at < text.length() && text.charAt(at) == c) {
                at++;
                return true;
            }
            return false;
        }

        void expectWord(String rest) {
            if (!text.startsWith(rest, at)) {
                throw new IllegalArgumentException("expected a value at " + at);
            }
            at += rest.length();
        }

        String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                if (at >= text.length()) {
                    throw new IllegalArgumentException("unterminated string");
                }
                char c = text.charAt(at++);
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char escaped = text.charAt(at++);
                switch (escaped) {
                    case '"', '\\', '/' -> out.append(escaped);
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        at += 4;
                    }
                    default -> throw new IllegalArgumentException("bad escape at " + at);
                }
            }
        }

        void end() {
            skipSpace();
            if (at != text.length()) {
                throw new IllegalArgumentException("trailing text at " + at);
            }
        }

        private void skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }
    }

    /** {@code values} as a JSON object, in their iteration order; a value is a String, a Number, null or a Map. */
    static String object(Map<String, ?> values) {
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
        } else if (value instanceof Number number) {
            out.append(number);
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
