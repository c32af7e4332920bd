package org.supportdesk.adapter.http;

/** Ways the fuzz targets read Jazzer's bytes as text. */
public final class FuzzInputs {
    private FuzzInputs() {}

    /** Every pair of bytes as one UTF-16 unit, so any string, unpaired surrogates included, can be made. */
    public static String utf16(byte[] input) {
        char[] units = new char[input.length / 2];
        for (int i = 0; i < units.length; i++) {
            units[i] = (char) ((input[2 * i] & 0xff) << 8 | (input[2 * i + 1] & 0xff));
        }
        return new String(units);
    }
}
