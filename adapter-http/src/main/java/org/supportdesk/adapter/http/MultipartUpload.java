package org.supportdesk.adapter.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.io.Content;
import org.supportdesk.application.attachment.IncomingFile;
import org.supportdesk.domain.attachment.PayloadTooLarge;
import org.supportdesk.domain.problem.ValidationFailed;

/**
 * One file sent as {@code multipart/form-data} in the field {@code file} (§6), read as it arrives. Jetty's servlet
 * multipart support ({@code getParts}, which Javalin's {@code uploadedFile} uses) parses the whole request before a
 * handler sees any of it, under limits fixed when the server starts, and keeps a part without a file name in memory.
 * Here Jetty's own multipart parser is fed from the request stream instead, a buffer at a time, and the file's bytes
 * come out as a stream the core reads with the tenant's limit: nothing is held but one buffer, nothing is written but
 * what the core stages, and reading stops as soon as the request passes the limit (plus room for the part headers).
 * A declared {@code Content-Length} past that is refused before a byte is read.
 */
public final class MultipartUpload implements IncomingFile {
    /** The field the file travels in. */
    public static final String FIELD = "file";
    /** Room for the boundaries and the part's headers, on top of the file. */
    static final long OVERHEAD = 64 * 1024;

    private static final int BUFFER = 16 * 1024;

    private final Context ctx;

    public MultipartUpload(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Received receive(long maxBytes) {
        String contentType = ctx.contentType();
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw new HttpProblem(ApiCode.UNSUPPORTED_MEDIA_TYPE, "Send the file as multipart/form-data, field file");
        }
        String boundary = MultiPart.extractBoundary(contentType);
        if (boundary == null || boundary.isEmpty()) {
            throw ValidationFailed.of(FIELD, "the multipart/form-data content type names no boundary");
        }
        long cap = maxBytes + OVERHEAD;
        if (ctx.req().getContentLengthLong() > cap) {
            throw new PayloadTooLarge("A file may have at most " + maxBytes + " bytes");
        }
        try {
            FilePart part = new FilePart(ctx.req().getInputStream(), boundary, maxBytes, cap);
            part.readHeaders();
            return new Received(part.fileName(), part);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The content of the one part, pulled from the request through Jetty's push parser. */
    private static final class FilePart extends InputStream {
        private final InputStream request;
        private final MultiPart.Parser parser;
        private final long maxBytes;
        private final long cap;
        private final byte[] buffer = new byte[BUFFER];
        private ByteBuffer pending = ByteBuffer.allocate(0);
        private long received;
        private int parts;
        private boolean headersRead;
        private boolean partEnded;
        private boolean complete;
        private String fileName;
        private RuntimeException refusal;

        FilePart(InputStream request, String boundary, long maxBytes, long cap) {
            this.request = request;
            this.maxBytes = maxBytes;
            this.cap = cap;
            this.parser = new MultiPart.Parser(boundary, new Listener());
        }

        Optional<String> fileName() {
            return Optional.ofNullable(fileName);
        }

        void readHeaders() throws IOException {
            while (!headersRead) {
                if (!feed()) {
                    throw ValidationFailed.of(FIELD, "is required: the request has no part named file");
                }
            }
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            while (!pending.hasRemaining()) {
                if (partEnded) {
                    while (!complete) {
                        if (!feed() && !complete) {
                            throw ValidationFailed.of(FIELD, "the multipart body ends without its closing boundary");
                        }
                    }
                    return -1;
                }
                if (!feed() && !partEnded) {
                    throw ValidationFailed.of(FIELD, "the upload ended before the file did");
                }
            }
            int n = Math.min(len, pending.remaining());
            pending.get(b, off, n);
            return n;
        }

        /** Reads one more buffer of the request into the parser; false at the end of the request. */
        private boolean feed() throws IOException {
            int read = request.read(buffer);
            if (read < 0) {
                parser.parse(Content.Chunk.EOF);
                check();
                return false;
            }
            received += read;
            if (received > cap) {
                throw new PayloadTooLarge("A file may have at most " + maxBytes + " bytes");
            }
            parser.parse(Content.Chunk.from(ByteBuffer.wrap(buffer, 0, read), false));
            check();
            return true;
        }

        private void check() {
            if (refusal != null) {
                throw refusal;
            }
        }

        private void append(ByteBuffer content) {
            ByteBuffer grown = ByteBuffer.allocate(pending.remaining() + content.remaining());
            grown.put(pending).put(content).flip();
            pending = grown;
        }

        private final class Listener extends MultiPart.AbstractPartsListener {
            @Override
            public void onPartBegin() {
                parts++;
                if (parts > 1) {
                    refuse(ValidationFailed.of(FIELD, "send one part only, the file"));
                }
            }

            @Override
            public void onPartHeaders() {
                if (!FIELD.equals(getName())) {
                    refuse(ValidationFailed.of(
                            getName() == null ? "multipart" : getName(), "is not accepted here; send only file"));
                    return;
                }
                fileName = getFileName();
                headersRead = true;
            }

            @Override
            public void onPartContent(Content.Chunk chunk) {
                if (refusal == null && headersRead && !partEnded) {
                    append(chunk.getByteBuffer().slice());
                }
            }

            @Override
            public void onPart(String name, String fileName, HttpFields headers) {
                partEnded = true;
            }

            @Override
            public void onComplete() {
                super.onComplete();
                complete = true;
            }

            @Override
            public void onFailure(Throwable failure) {
                refuse(ValidationFailed.of(FIELD, "the multipart body is malformed"));
            }

            private void refuse(RuntimeException why) {
                if (refusal == null) {
                    refusal = why;
                }
            }
        }
    }
}
