package org.supportdesk.bootstrap.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.supportdesk.bootstrap.Supportdesk;

/**
 * The requests of the HTTP fuzz run (S15), each made from its own seed so a run replays whatever thread sends what:
 * mostly requests to the server's real routes with hostile methods, ids, query parameters, headers and bodies, and
 * then bytes that break HTTP itself (request line, headers, framing), which go on connections of their own.
 */
final class MalformedRequests {
    private static final List<String> METHODS =
            List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE", "FOO", "get", "POST ");
    private static final List<String> QUERY_NAMES = List.of(
            "status",
            "priority",
            "category",
            "assignee",
            "tag",
            "requester",
            "organization",
            "escalated",
            "sla_breached",
            "created_from",
            "created_to",
            "q",
            "sort",
            "page",
            "limit",
            "action",
            "x");
    /** Already on the wire: percent-encodings that are broken, or that decode to what a path must not hold. */
    private static final List<String> RAW_ENCODINGS = List.of(
            "%zz", "%", "%0", "%00", "%c0%af", "%ff", "%ed%a0%80", "%2e%2e", "%2f", "+", "%u0041", "%25", "%0d%0a");

    private static final List<String> CONTENT_TYPES = List.of(
            "application/json; charset=utf-16",
            "application/json; charset=bogus",
            "application/json; charset=",
            "application/json;charset=\"utf-8\"",
            "text/plain",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "application/jsonx",
            "",
            "*/*");

    /** One request: its bytes, whether its framing is sound enough to keep the connection, and whether it is HEAD. */
    record FuzzRequest(String kind, byte[] bytes, boolean framed, boolean head) {}

    private final int port;
    private final List<Supportdesk.Route> routes;
    private final List<String> bearers;
    private final List<String> ids;

    /**
     * @param bearers valid tokens, sent most of the time so requests get past authentication
     * @param ids what the route's {@code {id}} names now and then: tickets (by id and number) and people that exist
     */
    MalformedRequests(int port, List<Supportdesk.Route> routes, List<String> bearers, List<String> ids) {
        this.port = port;
        this.routes = List.copyOf(routes);
        this.bearers = List.copyOf(bearers);
        this.ids = List.copyOf(ids);
    }

    FuzzRequest request(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int kind = random.nextInt(100);
        if (kind < 62) {
            return routeRequest(random);
        }
        if (kind < 74) {
            return new FuzzRequest("request line", requestLine(random), false, false);
        }
        if (kind < 86) {
            return new FuzzRequest("headers", headers(random), false, false);
        }
        if (kind < 96) {
            return new FuzzRequest("framing", framing(random), false, false);
        }
        return new FuzzRequest("garbage", garbage(random), false, false);
    }

    /** A real route, well framed, with everything a client controls made hostile now and then. */
    private FuzzRequest routeRequest(SplittableRandom random) {
        Supportdesk.Route route = routes.get(random.nextInt(routes.size()));
        String method =
                random.nextInt(4) > 0 ? route.method() : pick(METHODS, random).strip();
        StringBuilder target = new StringBuilder(route.path().replace("{id}", pathId(random)));
        if (random.nextBoolean()) {
            target.append(query(random));
        }
        List<byte[]> headers = new ArrayList<>();
        headers.add(utf8("Host: 127.0.0.1:" + port));
        authorization(random).ifPresent(header -> headers.add(utf8(header)));
        byte[] body = new byte[0];
        if (!method.equals("GET") && !method.equals("HEAD") || random.nextInt(10) == 0) {
            body = HostileBodies.body(random);
            headers.add(utf8(
                    "Content-Type: " + (random.nextInt(4) > 0 ? "application/json" : pick(CONTENT_TYPES, random))));
        }
        optionalHeaders(random, headers);
        boolean chunked = body.length > 0 && random.nextInt(10) == 0;
        headers.add(utf8(chunked ? "Transfer-Encoding: chunked" : "Content-Length: " + body.length));
        byte[] request = message(utf8(method + " " + target + " HTTP/1.1"), headers, chunked ? chunks(body) : body);
        return new FuzzRequest("route", request, true, method.equals("HEAD"));
    }

    private String pathId(SplittableRandom random) {
        return switch (random.nextInt(4)) {
            case 0, 1 -> pick(ids, random);
            case 2 -> percentEncoded(HostileValues.text(random));
            default -> pick(RAW_ENCODINGS, random) + percentEncoded(HostileValues.randomText(random, 8));
        };
    }

    private static String query(SplittableRandom random) {
        StringBuilder query = new StringBuilder("?");
        for (int i = random.nextInt(1, 5); i > 0; i--) {
            String value = random.nextBoolean()
                    ? percentEncoded(HostileValues.text(random))
                    : pick(RAW_ENCODINGS, random) + percentEncoded(HostileValues.randomText(random, 6));
            query.append(pick(QUERY_NAMES, random)).append('=').append(value).append(i > 1 ? "&" : "");
        }
        return query.toString();
    }

    private Optional<String> authorization(SplittableRandom random) {
        return switch (random.nextInt(10)) {
            case 0 -> Optional.empty();
            case 1 -> Optional.of("Authorization: Bearer " + headerSafe(HostileValues.randomText(random, 60)));
            case 2 -> Optional.of("Authorization: Bearer sdt_" + headerSafe(HostileValues.text(random)));
            case 3 -> Optional.of("Authorization: " + pick(bearers, random)); // no scheme
            default -> Optional.of("Authorization: Bearer " + pick(bearers, random));
        };
    }

    private static void optionalHeaders(SplittableRandom random, List<byte[]> headers) {
        if (random.nextInt(4) == 0) {
            headers.add(utf8("If-Match: " + (random.nextBoolean() ? "\"1\"" : headerSafe(HostileValues.text(random)))));
        }
        if (random.nextInt(4) == 0) {
            headers.add(utf8("Idempotency-Key: " + headerSafe(HostileValues.text(random))));
        }
        if (random.nextInt(6) == 0) {
            headers.add(utf8("Accept-Language: " + headerSafe(HostileValues.text(random))));
        }
        if (random.nextInt(6) == 0) {
            headers.add(utf8("X-Correlation-Id: " + headerSafe(HostileValues.text(random))));
        }
        if (random.nextInt(10) == 0) {
            headers.add(utf8(random.nextBoolean() ? "Content-Encoding: gzip" : "Expect: 100-continue"));
        }
        if (random.nextInt(10) == 0) {
            headers.add(utf8("Accept: " + headerSafe(HostileValues.text(random))));
        }
    }

    /** A request line or target with raw bytes: spaces, NUL, CR, bytes that are not UTF-8, odd forms and versions. */
    private byte[] requestLine(SplittableRandom random) {
        Supportdesk.Route route = routes.get(random.nextInt(routes.size()));
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        switch (random.nextInt(6)) {
            case 0 -> {
                line.writeBytes(ascii(route.method() + " " + route.path().replace("{id}", "")));
                line.writeBytes(HostileValues.bytes(random));
                line.writeBytes(ascii(HostileValues.randomText(random, 10) + " HTTP/1.1"));
            }
            case 1 -> line.writeBytes(ascii(route.method() + " http://evil.example" + route.path() + " HTTP/1.1"));
            case 2 -> line.writeBytes(ascii(pick(List.of("* ", "127.0.0.1:80 ", "", "//"), random) + route.path() + " "
                    + pick(List.of("HTTP/1.7", "HTTP/2.0", "HTTP/1.1 x", "HTTPS/1.1", ""), random)));
            case 3 -> line.writeBytes(ascii("GET /" + "a/".repeat(random.nextInt(1, 40_000)) + " HTTP/1.1"));
            case 4 -> line.writeBytes(ascii(HostileValues.randomText(random, 12) + " " + route.path() + " HTTP/1.1"));
            default -> line.writeBytes(utf8(
                    route.method() + " " + route.path().replace("{id}", HostileValues.text(random)) + " HTTP/1.1"));
        }
        return message(line.toByteArray(), List.of(utf8("Host: 127.0.0.1:" + port)), new byte[0]);
    }

    /** Headers past the limits or outside the grammar. */
    private byte[] headers(SplittableRandom random) {
        List<byte[]> headers = new ArrayList<>(
                List.of(utf8("Host: 127.0.0.1:" + port), utf8("Authorization: Bearer " + pick(bearers, random))));
        switch (random.nextInt(8)) {
            case 0 -> headers.add(utf8("X-Padding: " + "p".repeat(random.nextInt(30_000, 70_000))));
            case 1 -> {
                for (int i = random.nextInt(100, 3_000); i > 0; i--) {
                    headers.add(utf8("X-" + i + ": " + i));
                }
            }
            case 2 -> headers.add(
                    utf8(pick(List.of("X Bad: 1", ": empty name", "NoColon", "Näme: v", "(x): 1"), random)));
            case 3 -> headers.add(utf8(" folded continuation"));
            case 4 -> headers.add(concat(utf8("Accept-Language: "), HostileValues.bytes(random)));
            case 5 -> headers.add(utf8("Authorization: Bearer " + pick(bearers, random))); // twice
            case 6 -> headers.add(utf8("Host: other.example"));
            default -> headers.add(utf8("X-Control: a\u0000b\u001bc\rd"));
        }
        String path = pick(routes, random).path().replace("{id}", pick(ids, random));
        return message(utf8("GET " + path + " HTTP/1.1"), headers, new byte[0]);
    }

    /** A body whose length the headers misstate: more or less than sent, twice, negative, chunked wrongly. */
    private byte[] framing(SplittableRandom random) {
        byte[] body = HostileBodies.body(random);
        List<String> headers = new ArrayList<>(List.of(
                "Host: 127.0.0.1:" + port,
                "Authorization: Bearer " + pick(bearers, random),
                "Content-Type: application/json"));
        byte[] sent = body;
        switch (random.nextInt(9)) {
            case 0 -> headers.add("Content-Length: " + (body.length + random.nextInt(1, 10_000)));
            case 1 -> headers.add("Content-Length: " + random.nextInt(0, Math.max(1, body.length)));
            case 2 -> headers.add(pick(
                    List.of(
                            "Content-Length: -1",
                            "Content-Length: abc",
                            "Content-Length: 1, 2",
                            "Content-Length: 99999999999999999999",
                            "Content-Length: 0x10",
                            "Content-Length: +5"),
                    random));
            case 3 -> {
                headers.add("Content-Length: " + body.length);
                headers.add("Content-Length: " + (body.length + 1));
            }
            case 4 -> {
                headers.add("Content-Length: " + body.length);
                headers.add("Transfer-Encoding: chunked");
                sent = chunks(body);
            }
            case 5 -> {
                headers.add("Transfer-Encoding: chunked");
                sent = ascii(pick(
                        List.of(
                                "zz\r\nabc\r\n0\r\n\r\n",
                                "FFFFFFFFFFFF\r\nabc",
                                "5\r\nab",
                                "3;x=\u0000\r\nabc\r\n0\r\n\r\n",
                                "-1\r\n\r\n",
                                "3\r\nabc"),
                        random));
            }
            case 6 -> headers.add(pick(
                    List.of(
                            "Transfer-Encoding: gzip, chunked",
                            "Transfer-Encoding: chunked, identity",
                            "Transfer-Encoding: xchunked"),
                    random));
            case 7 -> {
                headers.add("Content-Length: " + body.length);
                sent = concat(body, ascii("GET /api/v1/tickets HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")); // smuggled
            }
            default -> sent = body; // a body with no length at all
        }
        String path = pick(routes, random).path().replace("{id}", pick(ids, random));
        return message(
                utf8("POST " + path + " HTTP/1.1"),
                headers.stream().map(MalformedRequests::utf8).toList(),
                sent);
    }

    private static byte[] garbage(SplittableRandom random) {
        return switch (random.nextInt(5)) {
            case 0 -> ascii("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");
            case 1 -> new byte[] {0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, (byte) 0xfc, 0x03, 0x03};
            case 2 -> ascii("\r\n".repeat(random.nextInt(1, 5_000)));
            case 3 -> ascii("GET /api/v1/tickets\r\n"); // HTTP/0.9
            default -> {
                byte[] bytes = new byte[random.nextInt(1, 4_000)];
                random.nextBytes(bytes);
                yield bytes;
            }
        };
    }

    private static byte[] message(byte[] requestLine, List<byte[]> headers, byte[] body) {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        message.writeBytes(requestLine);
        message.writeBytes(ascii("\r\n"));
        for (byte[] header : headers) {
            message.writeBytes(header);
            message.writeBytes(ascii("\r\n"));
        }
        message.writeBytes(ascii("\r\n"));
        message.writeBytes(body);
        return message.toByteArray();
    }

    private static byte[] chunks(byte[] body) {
        int half = body.length / 2;
        ByteArrayOutputStream chunked = new ByteArrayOutputStream();
        for (int[] chunk : new int[][] {{0, half}, {half, body.length - half}}) {
            if (chunk[1] > 0) {
                chunked.writeBytes(ascii(Integer.toHexString(chunk[1]) + "\r\n"));
                chunked.write(body, chunk[0], chunk[1]);
                chunked.writeBytes(ascii("\r\n"));
            }
        }
        chunked.writeBytes(ascii("0\r\n\r\n"));
        return chunked.toByteArray();
    }

    /** Percent-encodes every byte of the UTF-8 text but the unreserved ones (RFC 3986). */
    private static String percentEncoded(String text) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : utf8(text)) {
            char c = (char) (b & 0xff);
            if (Character.isLetterOrDigit(c) && c < 0x80 || "-._~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return encoded.toString();
    }

    /** Header text with no control characters, so it cannot end the header early (breaking the framing). */
    private static String headerSafe(String text) {
        return text.replaceAll("[\\x00-\\x1f\\x7f]", "");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static <T> T pick(List<T> values, SplittableRandom random) {
        return values.get(random.nextInt(values.size()));
    }
}
