package org.supportdesk.domain.notify;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.supportdesk.domain.problem.ValidationFailed;

/**
 * A webhook target as written: an absolute {@code https} or {@code http} URL with a host, without credentials or a
 * fragment, at most 2,000 characters. Whether its host may be reached at all is {@link
 * org.supportdesk.domain.port.TargetGuard}'s question, asked at save and again at every send.
 */
public record WebhookUrl(URI value) {
    public static final int MAX_LENGTH = 2_000;

    public WebhookUrl {
        if (value == null) {
            throw new IllegalArgumentException("url");
        }
    }

    /** Parses {@code raw}, refusing anything but a plain http(s) URL with a 400 naming {@code field}. */
    public static WebhookUrl parse(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            throw ValidationFailed.of(field, "is required");
        }
        if (raw.length() > MAX_LENGTH) {
            throw ValidationFailed.of(field, "must be at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(raw.strip());
        } catch (URISyntaxException e) {
            throw ValidationFailed.of(field, "must be an absolute http or https URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw ValidationFailed.of(field, "must use https or http");
        }
        if (uri.getRawUserInfo() != null) {
            throw ValidationFailed.of(field, "must not carry credentials");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw ValidationFailed.of(field, "must name a host");
        }
        if (uri.getRawFragment() != null) {
            throw ValidationFailed.of(field, "must not have a fragment");
        }
        return new WebhookUrl(uri);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
