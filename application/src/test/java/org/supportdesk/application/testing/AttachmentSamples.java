package org.supportdesk.application.testing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;

/**
 * Files for the attachment suite (RELIABILITY S6), made here rather than shipped: real images, the mislabelled and
 * polyglot files that must be refused, a nested zip bomb, and generated streams far larger than any limit.
 */
public final class AttachmentSamples {
    private AttachmentSamples() {}

    public static byte[] png() {
        return image("png");
    }

    public static byte[] gif() {
        return image("gif");
    }

    public static byte[] jpeg() {
        return image("jpeg");
    }

    public static byte[] pdf() {
        return ascii("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
    }

    /** A Windows executable's first bytes (DOS header and PE signature), to be sent named {@code .png}. */
    public static byte[] exe() {
        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[0x3C] = (byte) 0x80;
        exe[0x80] = 'P';
        exe[0x81] = 'E';
        byte[] stub = ascii("This program cannot be run in DOS mode.");
        System.arraycopy(stub, 0, exe, 0x4E, stub.length);
        return exe;
    }

    public static byte[] html() {
        return ascii("<html><body><script>alert(document.domain)</script></body></html>\n");
    }

    public static byte[] svg() {
        return ascii("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\">"
                + "<rect width=\"1\" height=\"1\"/></svg>\n");
    }

    /**
     * A GIF that is also JavaScript: its screen width is the bytes {@code /*}, so a script engine reads {@code GIF89a}
     * then a comment over the image, and after the image's trailer the comment closes and an assignment runs.
     */
    public static byte[] gifJavaScriptPolyglot() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ascii("GIF89a"));
        out.writeBytes(new byte[] {0x2F, 0x2A, 0x0A, 0x00, 0x00, 0x00, 0x00}); // width "/*", height 10, no palette
        out.writeBytes(new byte[] {0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0}); // one 1x1 image, no local palette
        out.writeBytes(new byte[] {0x02, 0x02, 0x44, 0x01, 0x00}); // its LZW data
        out.write(0x3B); // trailer
        out.writeBytes(ascii("*/=alert(document.domain);"));
        return out.toByteArray();
    }

    public static byte[] text(String content) {
        return content.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A zip of a zip: the inner one holds {@code innerBytes} zeros deflated, the outer one holds the inner one deflated
     * again, which leaves a few kilobytes that unpack, fully, to {@code innerBytes}. Nothing here is ever unpacked.
     */
    public static byte[] nestedZipBomb(long innerBytes) {
        byte[] inner = zipOfZeros("zeros.bin", innerBytes);
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(inner);
        deflater.finish();
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        while (!deflater.finished()) {
            compressed.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        CRC32 crc = new CRC32();
        crc.update(inner);
        return zip("inner.zip", compressed.toByteArray(), crc.getValue(), inner.length);
    }

    /** How many bytes the outer zip's entry declares it unpacks to (the inner zip), read from its local header. */
    public static long declaredSize(byte[] zip) {
        return Integer.toUnsignedLong(
                ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN).getInt(22));
    }

    /** A zip of one entry of {@code size} zeros, its deflate stream built from one repeated megabyte block. */
    static byte[] zipOfZeros(String name, long size) {
        int mebibyte = 1 << 20;
        if (size % mebibyte != 0) {
            throw new IllegalArgumentException("whole mebibytes only");
        }
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        byte[] zeros = new byte[mebibyte];
        byte[] first = flushed(deflater, zeros);
        byte[] next = flushed(deflater, zeros); // refers back only to zeros, so it repeats as is
        deflater.setInput(new byte[0]);
        deflater.finish();
        byte[] end = new byte[64];
        int endLength = deflater.deflate(end);
        deflater.end();
        long blocks = size / mebibyte;
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes(first);
        CRC32 crc = new CRC32();
        crc.update(zeros);
        for (long i = 1; i < blocks; i++) {
            data.writeBytes(next);
            crc.update(zeros);
        }
        data.write(end, 0, endLength);
        return zip(name, data.toByteArray(), crc.getValue(), size);
    }

    private static byte[] flushed(Deflater deflater, byte[] input) {
        deflater.setInput(input);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        int length;
        do {
            length = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
            out.write(buffer, 0, length);
        } while (length == buffer.length || !deflater.needsInput());
        return out.toByteArray();
    }

    /** A one-entry zip of already deflated {@code data}. */
    private static byte[] zip(String name, byte[] data, long crc, long size) {
        byte[] fileName = ascii(name);
        ByteBuffer zip = ByteBuffer.allocate(30 + fileName.length + data.length + 46 + fileName.length + 22)
                .order(ByteOrder.LITTLE_ENDIAN);
        zip.putInt(0x04034b50).putShort((short) 20).putShort((short) 0).putShort((short) 8);
        zip.putShort((short) 0)
                .putShort((short) 0x21)
                .putInt((int) crc)
                .putInt(data.length)
                .putInt((int) size);
        zip.putShort((short) fileName.length).putShort((short) 0).put(fileName).put(data);
        int directory = zip.position();
        zip.putInt(0x02014b50)
                .putShort((short) 20)
                .putShort((short) 20)
                .putShort((short) 0)
                .putShort((short) 8);
        zip.putShort((short) 0)
                .putShort((short) 0x21)
                .putInt((int) crc)
                .putInt(data.length)
                .putInt((int) size);
        zip.putShort((short) fileName.length)
                .putShort((short) 0)
                .putShort((short) 0)
                .putShort((short) 0);
        zip.putShort((short) 0).putInt(0).putInt(0).put(fileName);
        int directoryLength = zip.position() - directory;
        zip.putInt(0x06054b50)
                .putShort((short) 0)
                .putShort((short) 0)
                .putShort((short) 1)
                .putShort((short) 1);
        zip.putInt(directoryLength).putInt(directory).putShort((short) 0);
        return zip.array();
    }

    /**
     * {@code size} generated bytes, never held anywhere: the stream makes each on demand. {@code read} counts how many
     * were taken, so a test can show a reader stopped early.
     */
    public static InputStream generated(long size, AtomicLong read) {
        return new InputStream() {
            private long left = size;

            @Override
            public int read() {
                if (left == 0) {
                    return -1;
                }
                left--;
                read.incrementAndGet();
                return 'x';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left == 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 'x');
                left -= n;
                read.addAndGet(n);
                return n;
            }
        };
    }

    private static byte[] image(String format) {
        BufferedImage image = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, 0x336699);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
