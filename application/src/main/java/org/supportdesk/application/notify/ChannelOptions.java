package org.supportdesk.application.notify;

import java.net.URI;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import org.supportdesk.application.mail.MailIdentity;
import org.supportdesk.application.mail.ReplyTokens;
import org.supportdesk.domain.port.MailTransport;

/**
 * What the channels know of the deployment they run in (docs/notifications.md): where people reach the portal, who we
 * are to mail, and, when email is an outgoing channel, what sends it. An embedder without email passes {@link
 * #none()}.
 *
 * @param links where the portal's pages are, for the links in mail and Telegram messages
 * @param mail the sender and threading of outgoing mail; empty when email is not a channel
 * @param inbound who we are to inbound mail, which works whether or not email is an outgoing channel: our sender
 *     address and {@code Message-ID} domain (mail from them is our own, never taken in) and the reply tokens, keyed as
 *     the outgoing ones are, that thread a reply; the same as {@code mail} when that is present
 * @param mailTransport what sends our mail (SMTP); empty when email is not a channel
 */
public record ChannelOptions(
        PortalLinks links, Optional<MailIdentity> mail, MailIdentity inbound, Optional<MailTransport> mailTransport) {
    /** The sender inbound mail is judged against when {@code SUPPORTDESK_MAIL_FROM} names none. */
    public static final String DEFAULT_SENDER = "supportdesk@localhost";

    public ChannelOptions {
        Objects.requireNonNull(links, "links");
        Objects.requireNonNull(mail, "mail");
        Objects.requireNonNull(inbound, "inbound");
        Objects.requireNonNull(mailTransport, "mailTransport");
        if (mail.isPresent() && !mail.get().equals(inbound)) {
            throw new IllegalArgumentException("inbound mail is judged against the outgoing mail's identity");
        }
        if (mailTransport.isPresent() && mail.isEmpty()) {
            throw new IllegalArgumentException("a mail transport needs the mail identity it sends as");
        }
    }

    /** Options that send no mail (yet): the identity alone still verifies reply tokens. */
    public ChannelOptions(PortalLinks links, Optional<MailIdentity> mail, MailIdentity inbound) {
        this(links, mail, inbound, Optional.empty());
    }

    /** These options with email as a channel, its mail sent through {@code transport}. */
    public ChannelOptions sendingMailThrough(MailTransport transport) {
        return new ChannelOptions(links, mail, inbound, Optional.of(transport));
    }

    /**
     * No email, and portal links on the local default address; reply tokens under a key of this process alone, so no
     * token made elsewhere ever verifies.
     */
    public static ChannelOptions none() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new ChannelOptions(
                new PortalLinks(URI.create("http://127.0.0.1:8080")),
                Optional.empty(),
                MailIdentity.of(
                        DEFAULT_SENDER, ReplyTokens.derivedFrom(HexFormat.of().formatHex(key))));
    }
}
