package org.supportdesk.domain.ticket;

import java.util.Objects;
import java.util.Optional;
import org.supportdesk.domain.problem.Validation;

/**
 * What the portal widget captured when the ticket was filed (§3 {@code context}): the page, the browser, and a
 * screenshot the customer uploaded first (an image attachment, seed 003).
 */
public record PortalContext(Optional<String> pageUrl, Optional<String> browserInfo, Optional<AttachmentId> screenshot) {
    public static final PortalContext NONE = new PortalContext(Optional.empty(), Optional.empty(), Optional.empty());
    public static final int MAX_LENGTH = 2_000;

    public PortalContext {
        pageUrl = Objects.requireNonNull(pageUrl, "pageUrl").map(u -> Validation.trimmed("page_url", u, 1, MAX_LENGTH));
        browserInfo = Objects.requireNonNull(browserInfo, "browserInfo")
                .map(b -> Validation.trimmed("browser_info", b, 1, MAX_LENGTH));
        Objects.requireNonNull(screenshot, "screenshot");
    }

    /** A context without a screenshot. */
    public PortalContext(Optional<String> pageUrl, Optional<String> browserInfo) {
        this(pageUrl, browserInfo, Optional.empty());
    }
}
