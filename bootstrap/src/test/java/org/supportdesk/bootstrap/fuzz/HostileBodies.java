package org.supportdesk.bootstrap.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Request bodies for the HTTP fuzz run: a body some route takes, then broken the ways clients and attackers break
 * them: values swapped for hostile ones, truncation, stray bytes, nesting and arrays past the limits, duplicate keys.
 */
final class HostileBodies {
    private static final List<String> TEMPLATES = List.of(
            "{\"subject\":\"Printer on fire\",\"description\":\"It smokes\",\"category\":\"technical\",\"priority\":\"high\"}",
            "{\"requester\":{\"email\":\"new@acme.example\",\"name\":\"New\"},\"subject\":\"S\",\"description\":\"D\","
                    + "\"category\":\"billing\",\"custom_fields\":{\"plan\":\"gold\",\"seats\":3}}",
            "{\"kind\":\"public\",\"body\":\"Thanks\",\"is_resolution\":true}",
            "{\"body\":\"Still broken\"}",
            "{\"status\":\"pending\",\"priority\":\"urgent\",\"tags\":[\"vip\"],\"assignee_id\":null}",
            "{\"assignee_id\":null}",
            "{\"reason\":\"angry customer\"}",
            "{\"tenant\":\"acme\",\"email\":\"carla@acme.example\",\"password\":\"not-her-password\"}",
            "{\"email\":\"x@acme.example\",\"name\":\"X\",\"role\":\"agent\",\"password\":\"long-enough-password\"}",
            "{\"name\":\"Org\",\"shared_tickets\":true}",
            "{\"reopen_window_days\":7,\"auto_close_days\":3}",
            "{\"categories\":[\"billing\",\"technical\"]}",
            "{\"targets\":{\"urgent\":{\"first_response_minutes\":60,\"resolution_minutes\":240}}}",
            "{\"time_zone\":\"Europe/Berlin\",\"weekly_hours\":{\"monday\":[{\"from\":\"09:00\",\"to\":\"17:00\"}]},"
                    + "\"holidays\":[\"2026-12-25\"]}",
            "{\"name\":\"CI token\",\"role\":\"agent\"}");
    /** A value of an object or an array (a string not followed by a colon, which would be a name). */
    private static final Pattern VALUE = Pattern.compile("[:\\[,](\"[^\"]*\"(?!:)|-?\\d+|true|false|null)");

    private static final List<String> JSON_VALUES = List.of(
            "null",
            "true",
            "0",
            "-1",
            "2147483648",
            "1e999999",
            "-0.0",
            "123456789012345678901234567890",
            "[]",
            "{}",
            "[null]",
            "{\"a\":{\"b\":[1,{}]}}",
            "\"\"");

    private HostileBodies() {}

    static byte[] body(SplittableRandom random) {
        String json = TEMPLATES.get(random.nextInt(TEMPLATES.size()));
        return switch (random.nextInt(12)) {
            case 0 -> utf8(json);
            case 1 -> utf8(json.substring(0, random.nextInt(json.length())));
            case 2 -> insert(utf8(json), HostileValues.bytes(random), random);
            case 3 -> utf8(replaceValue(json, escaped(HostileValues.text(random)), random));
            case 4 -> utf8(replaceValue(json, "\"" + HostileValues.text(random) + "\"", random));
            case 5 -> utf8(replaceValue(json, JSON_VALUES.get(random.nextInt(JSON_VALUES.size())), random));
            case 6 -> utf8(nested(json, 1 + random.nextInt(random.nextBoolean() ? 40 : 5_000)));
            case 7 -> utf8(json.replaceFirst("\\{(\"[a-z_]+\":)", "{$1\"dup\",$1"));
            case 8 -> utf8(replaceValue(json, "[" + "\"t\",".repeat(1_000 + random.nextInt(2_000)) + "\"t\"]", random));
            case 9 -> utf8("{" + escaped(HostileValues.text(random)) + ":1," + json.substring(1));
            case 10 -> randomBytes(random);
            default -> new byte[0];
        };
    }

    /** A JSON string literal of {@code text}, every character outside printable ASCII escaped (lone surrogates too). */
    static String escaped(String text) {
        StringBuilder literal = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                literal.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                literal.append(String.format("\\u%04x", (int) c));
            } else {
                literal.append(c);
            }
        }
        return literal.append('"').toString();
    }

    private static String replaceValue(String json, String value, SplittableRandom random) {
        Matcher values = VALUE.matcher(json);
        List<int[]> spans = new ArrayList<>();
        while (values.find()) {
            spans.add(new int[] {values.start(1), values.end(1)});
        }
        int[] span = spans.get(random.nextInt(spans.size()));
        return json.substring(0, span[0]) + value + json.substring(span[1]);
    }

    private static String nested(String json, int depth) {
        return "{\"custom_fields\":" + "[".repeat(depth) + json + "]".repeat(depth) + "}";
    }

    private static byte[] insert(byte[] body, byte[] inserted, SplittableRandom random) {
        int at = random.nextInt(body.length + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(body, 0, at);
        out.writeBytes(inserted);
        out.write(body, at, body.length - at);
        return out.toByteArray();
    }

    private static byte[] randomBytes(SplittableRandom random) {
        byte[] bytes = new byte[random.nextInt(512)];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
