package org.supportdesk.bootstrap;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;

/** The demo's attachments, made on the spot: a small screenshot-like PNG and plain-text files. */
final class DemoFiles {
    private DemoFiles() {}

    /** A 160×90 PNG: a grey page with a red box where the wrong VAT number is. */
    static byte[] png() {
        BufferedImage image = new BufferedImage(160, 90, BufferedImage.TYPE_INT_RGB);
        Graphics2D paint = image.createGraphics();
        try {
            paint.setColor(new Color(0xEEEEEE));
            paint.fillRect(0, 0, 160, 90);
            paint.setColor(Color.RED);
            paint.drawRect(20, 30, 120, 20);
        } finally {
            paint.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] text(String content) {
        return content.getBytes(StandardCharsets.UTF_8);
    }
}
