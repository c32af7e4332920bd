package org.supportdesk.bootstrap;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Requests written byte for byte on a socket, for what an HTTP client will not send: a head that declares a body it
 * never sends. A client that does send a large body races the server, which answers by the declared length and closes
 * while the client is still writing, so the client may see a broken connection instead of the answer.
 */
final class RawRequests {
    private RawRequests() {}

    /** Sends {@code head} (request line and headers, ending in an empty line) to the server on {@code port}. */
    static String statusLineOf(int port, String head) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            return statusLine(socket.getInputStream());
        }
    }

    /** The first line of the response being read from {@code in}. */
    static String statusLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            line.write(b);
        }
        return line.toString(StandardCharsets.US_ASCII).strip();
    }
}
