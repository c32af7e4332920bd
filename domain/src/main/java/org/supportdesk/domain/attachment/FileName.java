package org.supportdesk.domain.attachment;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The name an attachment is offered under when downloaded (§6): whatever the client sent, cut to its last path segment
 * and rid of control, format (bidi overrides, zero-width) and unpaired surrogate characters, of the characters
 * Windows refuses in names, of leading and trailing dots and spaces, and of the device names Windows reserves; at most
 * {@link #MAX_LENGTH} characters, the extension kept. It is shown and offered, never used for a path on disk.
 */
public record FileName(String value) {
    /** The longest name kept, in Unicode code points. */
    public static final int MAX_LENGTH = 200;
    /** The name of an upload that sent none, or none that survives sanitising. */
    public static final String FALLBACK = "attachment";

    private static final int MAX_EXTENSION = 16;
    private static final String REFUSED_BY_WINDOWS = "<>:\"|?*";
    private static final Set<String> RESERVED_DEVICES = Set.of(
            "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1",
            "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");

    public FileName {
        Objects.requireNonNull(value, "value");
        if (!clean(value).equals(value)) {
            throw new IllegalArgumentException("not a sanitised file name; use FileName.sanitise");
        }
    }

    /** The safe name for whatever a client sent, {@code null} included. */
    public static FileName sanitise(String raw) {
        return new FileName(clean(raw));
    }

    private static String clean(String raw) {
        if (raw == null) {
            return FALLBACK;
        }
        String text = Normalizer.normalize(raw, Normalizer.Form.NFC);
        text = text.substring(Math.max(text.lastIndexOf('/'), text.lastIndexOf('\\')) + 1);
        StringBuilder kept = new StringBuilder();
        boolean lastWasSpace = false;
        for (int cp : text.codePoints().toArray()) {
            if (dropped(cp)) {
                continue;
            }
            boolean space = Character.isWhitespace(cp) || Character.isSpaceChar(cp);
            if (space) {
                if (!lastWasSpace) {
                    kept.append(' ');
                }
            } else {
                kept.appendCodePoint(REFUSED_BY_WINDOWS.indexOf(cp) >= 0 ? '_' : cp);
            }
            lastWasSpace = space;
        }
        String name = stripEnds(kept.toString());
        name = bounded(name);
        if (name.isEmpty()) {
            return FALLBACK;
        }
        int dot = name.indexOf('.');
        String device = (dot < 0 ? name : name.substring(0, dot)).strip().toUpperCase(Locale.ROOT);
        return RESERVED_DEVICES.contains(device) ? "_" + name : name;
    }

    private static boolean dropped(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL
                || type == Character.FORMAT
                || type == Character.SURROGATE
                || type == Character.PRIVATE_USE
                || type == Character.UNASSIGNED
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }

    private static String stripEnds(String name) {
        int from = 0;
        int to = name.length();
        while (from < to && (name.charAt(from) == '.' || name.charAt(from) == ' ')) {
            from++;
        }
        while (to > from && (name.charAt(to - 1) == '.' || name.charAt(to - 1) == ' ')) {
            to--;
        }
        return name.substring(from, to);
    }

    /** At most {@link #MAX_LENGTH} code points; a short extension survives the cut. */
    private static String bounded(String name) {
        int length = name.codePointCount(0, name.length());
        if (length <= MAX_LENGTH) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 ? name.substring(dot) : "";
        int extensionLength = extension.codePointCount(0, extension.length());
        if (extensionLength > MAX_EXTENSION || extension.contains(" ")) {
            extension = "";
            extensionLength = 0;
        }
        String base = extension.isEmpty() ? name : name.substring(0, dot);
        String cut = base.substring(0, base.offsetByCodePoints(0, MAX_LENGTH - extensionLength));
        return stripEnds(cut) + extension;
    }

    @Override
    public String toString() {
        return value;
    }
}
