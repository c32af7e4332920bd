package org.supportdesk.bootstrap.fuzz;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Values a hostile client puts wherever text goes (S15): control characters, unpaired surrogates, broken percent- and
 * UTF-8 encodings, injection probes, numbers and instants at and past every limit, ids of the wrong shape.
 */
final class HostileValues {
    static final List<String> TEXT = List.of(
            "",
            " ",
            "\u0000",
            "a\u0000b",
            "\u0001\u0008",
            "\u001b[31mred",
            "\u007f",
            "\ud800",
            "\udc00x",
            "\u202eevil",
            "\u2028\u0085",
            "äöü",
            "😀",
            "%00",
            "%zz",
            "%",
            "%c0%af",
            "..%2f..%2f",
            "../../etc/passwd",
            "'; DROP TABLE tickets; --",
            "' OR '1'='1",
            "\\",
            "\"",
            "<script>alert(1)</script>",
            "${jndi:ldap://127.0.0.1/a}",
            "{{7*7}}",
            "=cmd|'/c calc'!A1",
            "null",
            "true",
            "-",
            "-1",
            "0",
            "2147483648",
            "-2147483649",
            "9223372036854775808",
            "1e309",
            "NaN",
            "Infinity",
            "+1000000000-12-31T23:59:59.999999999Z",
            "-1000000000-01-01T00:00:00Z",
            "+100000-01-01T00:00:00Z",
            "1970-01-01T00:00:00Z",
            "2026-02-30",
            "25:61",
            "Mars/Olympus_Mons",
            "TKT-2026-000001",
            "TKT-9999-999999999999999999",
            "00000000-0000-0000-0000-000000000000",
            "1-1-1-1-1",
            "all",
            "me",
            "none",
            "open,closed,,",
            "-relevance",
            "carla@acme.example",
            "a@b",
            "x".repeat(300),
            "y".repeat(5_000));

    /** Bytes that are not UTF-8, or not allowed where they are put. */
    static final List<byte[]> BYTES = List.of(
            new byte[] {(byte) 0xff},
            new byte[] {(byte) 0xc0, (byte) 0xaf},
            new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
            new byte[] {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            new byte[] {0},
            new byte[] {'\r'},
            new byte[] {'\n'},
            new byte[] {'\r', '\n'},
            new byte[] {' '},
            new byte[] {'\t'},
            new byte[] {0x7f},
            new byte[] {0x1b});

    private HostileValues() {}

    static String text(SplittableRandom random) {
        return TEXT.get(random.nextInt(TEXT.size()));
    }

    static byte[] bytes(SplittableRandom random) {
        return BYTES.get(random.nextInt(BYTES.size()));
    }

    /** Printable ASCII and, now and then, anything else. */
    static String randomText(SplittableRandom random, int maxLength) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(maxLength + 1);
        for (int i = 0; i < length; i++) {
            text.append(random.nextInt(8) == 0 ? (char) random.nextInt(0x10000) : (char) (0x20 + random.nextInt(95)));
        }
        return text.toString();
    }
}
