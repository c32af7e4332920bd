package org.supportdesk.adapter.http;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP/1.1 over a plain socket to 127.0.0.1, so that a request can be as malformed as a test wants it (the transport
 * tests here, the HTTP fuzz run in bootstrap): one connection kept alive across well-framed requests, reopened whenever
 * the server closes it. Every wait is bounded.
 */
public final class RawHttp implements AutoCloseable {
    public static final int TIMEOUT_MILLIS = 10_000;
    private static final int MAX_BODY = 4 * 1024 * 1024;

    private final int port;
    private Socket socket;

    public RawHttp(int port) {
        this.port = port;
    }

    /** A response as received: status, headers by lower-case name (the first of each), body. */
    public record Response(int status, Map<String, String> headers, byte[] body) {
        public String header(String name) {
            return headers.getOrDefault(name, "");
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /**
     * Sends a well-framed request on the kept-alive connection and reads its response; empty when the server closed
     * the connection without answering. {@code head} says the response has no body whatever its headers say.
     */
    public Optional<Response> exchange(byte[] request, boolean head) throws IOException {
        Socket connection = connection();
        try {
            connection.getOutputStream().write(request);
            Optional<Response> response = read(connection.getInputStream(), head);
            if (response.isEmpty() || response.get().header("connection").equalsIgnoreCase("close")) {
                close();
            }
            return response;
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    /**
     * Sends bytes of any framing on a connection of their own, half-closes it, and reads every response until the
     * server closes it: a lying {@code Content-Length} or a smuggled second request cannot desynchronise anything else.
     */
    public static List<Response> oneShot(int port, byte[] bytes) throws IOException {
        try (Socket connection = open(port)) {
            OutputStream out = connection.getOutputStream();
            out.write(bytes);
            out.flush();
            connection.shutdownOutput();
            List<Response> responses = new ArrayList<>();
            InputStream in = connection.getInputStream();
            for (Optional<Response> r = read(in, false); r.isPresent(); r = read(in, false)) {
                responses.add(r.get());
            }
            return responses;
        }
    }

    private Socket connection() throws IOException {
        if (socket == null || socket.isClosed()) {
            socket = open(port);
        }
        return socket;
    }

    private static Socket open(int port) throws IOException {
        Socket connection = new Socket();
        connection.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MILLIS);
        connection.setSoTimeout(TIMEOUT_MILLIS);
        connection.setTcpNoDelay(true);
        return connection;
    }

    /** The final response: an interim one (100 Continue) is skipped. */
    private static Optional<Response> read(InputStream in, boolean head) throws IOException {
        Optional<Response> response = readOne(in, head);
        while (response.isPresent() && response.get().status() < 200) {
            response = readOne(in, head);
        }
        return response;
    }

    private static Optional<Response> readOne(InputStream in, boolean head) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) {
            return Optional.empty();
        }
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP response: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            if (colon > 0) {
                headers.putIfAbsent(
                        header.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        header.substring(colon + 1).strip());
            }
        }
        byte[] body;
        if (head || status == 204 || status == 304 || status < 200) {
            body = new byte[0];
        } else if (headers.getOrDefault("transfer-encoding", "").equalsIgnoreCase("chunked")) {
            body = chunked(in);
        } else if (headers.containsKey("content-length")) {
            body = exactly(in, Integer.parseInt(headers.get("content-length")));
        } else {
            body = untilClosed(in);
        }
        return Optional.of(new Response(status, headers, body));
    }

    private static byte[] chunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int size = chunkSize(in); size > 0; size = chunkSize(in)) {
            body.write(exactly(in, size));
            line(in);
        }
        String trailer;
        do {
            trailer = line(in); // trailers carry nothing the test checks
        } while (trailer != null && !trailer.isEmpty());
        return body.toByteArray();
    }

    private static int chunkSize(InputStream in) throws IOException {
        String size = line(in);
        if (size == null) {
            throw new EOFException("connection closed inside a chunked body");
        }
        return Integer.parseInt(size.split(";", 2)[0].strip(), 16);
    }

    private static byte[] exactly(InputStream in, int length) throws IOException {
        if (length > MAX_BODY) {
            throw new IOException("response body of " + length + " bytes");
        }
        return in.readNBytes(length);
    }

    private static byte[] untilClosed(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n = in.read(buffer); n > 0 && body.size() < MAX_BODY; n = in.read(buffer)) {
            body.write(buffer, 0, n);
        }
        return body.toByteArray();
    }

    /** One CRLF-terminated line as ISO-8859-1, or null at the end of the stream before any byte of it. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a connection the server may already have dropped
            }
            socket = null;
        }
    }
}
