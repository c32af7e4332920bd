package org.supportdesk.application.notify;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import org.supportdesk.application.mail.MailIdentity;
import org.supportdesk.domain.port.MailTransport;

/**
 * What the channels know of the deployment they run in (docs/notifications.md): where people reach the portal, and,
 * when email is a channel, who our mail comes from and what sends it. An embedder without email passes {@link
 * #none()}. Email is a channel exactly when both the identity and the transport are given; the transport comes here
 * rather than among the {@code Ports}, which every embedder must fill, because email is optional.
 *
 * @param links where the portal's pages are, for the links in mail and Telegram messages
 * @param mail the sender and threading of outgoing mail; empty when email is not a channel
 * @param mailTransport what sends our mail (SMTP); empty when email is not a channel
 */
public record ChannelOptions(PortalLinks links, Optional<MailIdentity> mail, Optional<MailTransport> mailTransport) {
    public ChannelOptions {
        Objects.requireNonNull(links, "links");
        Objects.requireNonNull(mail, "mail");
        Objects.requireNonNull(mailTransport, "mailTransport");
        if (mailTransport.isPresent() && mail.isEmpty()) {
            throw new IllegalArgumentException("a mail transport needs the mail identity it sends as");
        }
    }

    /** Options that send no mail (yet): the identity alone still verifies reply tokens. */
    public ChannelOptions(PortalLinks links, Optional<MailIdentity> mail) {
        this(links, mail, Optional.empty());
    }

    /** These options with email as a channel, its mail sent through {@code transport}. */
    public ChannelOptions sendingMailThrough(MailTransport transport) {
        return new ChannelOptions(links, mail, Optional.of(transport));
    }

    /** No email, and portal links on the local default address. */
    public static ChannelOptions none() {
        return new ChannelOptions(new PortalLinks(URI.create("http://127.0.0.1:8080")), Optional.empty());
    }
}
