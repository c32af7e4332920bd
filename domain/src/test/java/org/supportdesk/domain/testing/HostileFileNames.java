package org.supportdesk.domain.testing;

import java.util.List;

/**
 * Thirty file names an attacker sends (RELIABILITY S6): traversal in both slash styles and percent-encoded, absolute
 * paths, NUL and other controls, bidi overrides and zero-width characters, Windows device names, leading and trailing
 * dots, header injection, markup, over-long names and an unpaired surrogate.
 */
public final class HostileFileNames {
    private HostileFileNames() {}

    public static final List<String> ALL = List.of(
            "../../x",
            "..\\..\\x",
            "x\u0000.png",
            "evil\u202Egnp.exe",
            "a".repeat(300) + ".png",
            "CON",
            "con.txt",
            "...hidden",
            ".htaccess",
            "%2e%2e/%2e%2e/x",
            "/etc/passwd",
            "C:\\Windows\\system32\\cmd.exe",
            "\\\\server\\share\\x.txt",
            "file:///etc/passwd",
            "name\r\nContent-Type: text/html",
            "  spaced   out  .txt  ",
            "\u200Bzero\u200Dwidth.txt",
            "x\u2066isolate\u2069.txt",
            "tab\tname.txt",
            "del\u007F.txt",
            "nul",
            "LPT1.log",
            "trailing.dots...",
            "quote\"name\".txt",
            "pipe|star*q?.txt",
            "<script>alert(1)</script>.png",
            "",
            ".",
            "..",
            "\uD800broken-surrogate.txt");
}
