package org.supportdesk.application.mail;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mail template in plain Java (the core has no template library): {@code {{name}}} is replaced by a value, escaped
 * for HTML when the template is HTML; {@code {{#name}}…{{/name}}} is kept only when that value is not empty. Sections
 * are settled on the template before any value goes in, and values are put in in one pass, so a value that looks like
 * a placeholder stays text.
 */
public final class MailTemplate {
    private static final Pattern SECTION = Pattern.compile("\\{\\{#(\\w+)}}(.*?)\\{\\{/\\1}}", Pattern.DOTALL);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");

    /** How values are written into the template. */
    public enum Escaping {
        PLAIN_TEXT,
        HTML
    }

    private final String source;
    private final Escaping escaping;

    private MailTemplate(String source, Escaping escaping) {
        this.source = Objects.requireNonNull(source, "source");
        this.escaping = Objects.requireNonNull(escaping, "escaping");
    }

    public static MailTemplate text(String source) {
        return new MailTemplate(source, Escaping.PLAIN_TEXT);
    }

    public static MailTemplate html(String source) {
        return new MailTemplate(source, Escaping.HTML);
    }

    /**
     * The template with {@code values} in it.
     *
     * @throws IllegalArgumentException when the template names a value not given, so a template typo fails its tests
     */
    public String render(Map<String, String> values) {
        Matcher sections = SECTION.matcher(source);
        StringBuilder settled = new StringBuilder();
        while (sections.find()) {
            String value = valueOf(values, sections.group(1));
            sections.appendReplacement(settled, Matcher.quoteReplacement(value.isEmpty() ? "" : sections.group(2)));
        }
        sections.appendTail(settled);
        Matcher placeholders = PLACEHOLDER.matcher(settled);
        StringBuilder out = new StringBuilder();
        while (placeholders.find()) {
            String value = valueOf(values, placeholders.group(1));
            placeholders.appendReplacement(
                    out, Matcher.quoteReplacement(escaping == Escaping.HTML ? escapeHtml(value) : value));
        }
        placeholders.appendTail(out);
        return out.toString();
    }

    private static String valueOf(Map<String, String> values, String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("the template names {{" + name + "}}, which has no value");
        }
        return value;
    }

    /** {@code text} as HTML text or attribute value (in double or single quotes). */
    static String escapeHtml(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
