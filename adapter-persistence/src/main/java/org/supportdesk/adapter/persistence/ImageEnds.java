package org.supportdesk.adapter.persistence;

import java.io.DataInputStream;
import java.io.IOException;

/**
 * Whether an image's bytes end where its format says the image ends. An image/script polyglot (a GIF whose header is
 * also the start of a JavaScript comment, with script after the image) carries bytes past the end; no image a camera,
 * browser or editor writes in these formats does. Walks the block structure without decoding any pixel.
 */
final class ImageEnds {
    private ImageEnds() {}

    /** GIF: header, screen descriptor and colour table, then blocks to the trailer, which must be the last byte. */
    static boolean gif(DataInputStream in) throws IOException {
        in.skipNBytes(6 + 4);
        int packed = in.readUnsignedByte();
        in.skipNBytes(2);
        skipColourTable(in, packed);
        while (true) {
            int block = in.readUnsignedByte();
            switch (block) {
                case 0x21 -> {
                    in.skipNBytes(1);
                    skipSubBlocks(in);
                }
                case 0x2C -> {
                    in.skipNBytes(8);
                    skipColourTable(in, in.readUnsignedByte());
                    in.skipNBytes(1);
                    skipSubBlocks(in);
                }
                case 0x3B -> {
                    return in.read() < 0;
                }
                default -> {
                    return false;
                }
            }
        }
    }

    /** PNG: signature, then chunks to {@code IEND}, which must be the last chunk. */
    static boolean png(DataInputStream in) throws IOException {
        in.skipNBytes(8);
        while (true) {
            long length = Integer.toUnsignedLong(in.readInt());
            int type = in.readInt();
            in.skipNBytes(length + 4);
            if (type == 0x49454E44) { // "IEND"
                return in.read() < 0;
            }
        }
    }

    /** WebP: a RIFF file, whose header gives its length; nothing may follow it. */
    static boolean webp(DataInputStream in, long size) throws IOException {
        in.skipNBytes(4);
        long riffLength = Integer.toUnsignedLong(Integer.reverseBytes(in.readInt()));
        return riffLength + 8 == size;
    }

    private static void skipColourTable(DataInputStream in, int packed) throws IOException {
        if ((packed & 0x80) != 0) {
            in.skipNBytes(3L * (1 << ((packed & 0x07) + 1)));
        }
    }

    private static void skipSubBlocks(DataInputStream in) throws IOException {
        int length;
        while ((length = in.readUnsignedByte()) != 0) {
            in.skipNBytes(length);
        }
    }
}
