package org.supportdesk.application.notify;

import java.net.URI;
import java.util.Objects;
import org.supportdesk.domain.ticket.TicketId;

/** Where the customer portal's pages are (§15), under the server's public URL ({@code SUPPORTDESK_PUBLIC_URL}). */
public record PortalLinks(URI base) {
    public PortalLinks {
        Objects.requireNonNull(base, "base");
        String text = base.toString();
        if (text.endsWith("/")) {
            base = URI.create(text.substring(0, text.length() - 1));
        }
    }

    /** The portal's page of {@code ticket}. */
    public URI ticket(TicketId ticket) {
        return URI.create(base + "/tickets/" + ticket.value());
    }

    /** The portal's start page. */
    public URI portal() {
        return URI.create(base + "/");
    }
}
