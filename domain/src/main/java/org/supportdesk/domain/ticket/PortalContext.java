package org.supportdesk.domain.ticket;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.supportdesk.domain.problem.Validation;
import org.supportdesk.domain.problem.ValidationFailed;

/**
 * What the portal widget captured when the ticket was filed (§3 {@code context}): the page, the browser, and a
 * screenshot the customer uploaded first (an image attachment, seed 003).
 */
public record PortalContext(Optional<String> pageUrl, Optional<String> browserInfo, Optional<AttachmentId> screenshot) {
    public static final PortalContext NONE = new PortalContext(Optional.empty(), Optional.empty(), Optional.empty());
    public static final int MAX_LENGTH = 2_000;

    public PortalContext {
        pageUrl = Objects.requireNonNull(pageUrl, "pageUrl").map(PortalContext::webAddress);
        browserInfo = Objects.requireNonNull(browserInfo, "browserInfo")
                .map(b -> Validation.trimmed("browser_info", b, 1, MAX_LENGTH));
        Objects.requireNonNull(screenshot, "screenshot");
    }

    /** A context without a screenshot. */
    public PortalContext(Optional<String> pageUrl, Optional<String> browserInfo) {
        this(pageUrl, browserInfo, Optional.empty());
    }

    /** An http(s) address only: a {@code javascript:} or {@code data:} page URL would be stored XSS once shown as a link. */
    private static String webAddress(String raw) {
        String url = Validation.trimmed("page_url", raw, 1, MAX_LENGTH);
        String scheme =
                url.indexOf(':') > 0 ? url.substring(0, url.indexOf(':')).toLowerCase(Locale.ROOT) : "";
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw ValidationFailed.of("page_url", "must be an http or https address");
        }
        return url;
    }
}
