package org.supportdesk.application.notify;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import org.supportdesk.application.mail.MailIdentity;

/**
 * What the channels know of the deployment they run in (docs/notifications.md): where people reach the portal, and,
 * when email is a channel, who our mail comes from. An embedder without email passes {@link #none()}.
 *
 * @param links where the portal's pages are, for the links in mail and Telegram messages
 * @param mail the sender and threading of outgoing mail; empty when email is not a channel
 */
public record ChannelOptions(PortalLinks links, Optional<MailIdentity> mail) {
    public ChannelOptions {
        Objects.requireNonNull(links, "links");
        Objects.requireNonNull(mail, "mail");
    }

    /** No email, and portal links on the local default address. */
    public static ChannelOptions none() {
        return new ChannelOptions(new PortalLinks(URI.create("http://127.0.0.1:8080")), Optional.empty());
    }
}
