package org.supportdesk.application.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.supportdesk.domain.ticket.TicketId;

/**
 * The {@code Message-ID}s of our outgoing mail (docs/notifications.md "Threading"), so mail clients thread a ticket and
 * an inbound reply's {@code In-Reply-To}/{@code References} lead back to it. Every ticket has a root id, {@code
 * <ticket.<ticket id>@<mail domain>>}, which each of its mails names in {@code In-Reply-To} and {@code References};
 * each mail's own id is {@code <<ticket id>.<delivery key>@<mail domain>>}, stable across retries (the email
 * channel's dedup key). Both carry the ticket's id, so threading needs no look-up of sent mail.
 */
public final class MessageIds {
    private static final Pattern OURS = Pattern.compile(
            "<(?:ticket\\.)?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:\\.[a-z0-9-]{1,64})?@([^<>@\\s]+)>",
            Pattern.CASE_INSENSITIVE);

    private final String domain;

    /** Ids under {@code domain}, the domain of {@code SUPPORTDESK_MAIL_FROM}. */
    public MessageIds(String domain) {
        if (!domain.matches("[A-Za-z0-9.-]+")) {
            throw new IllegalArgumentException("not a mail domain: " + domain);
        }
        this.domain = domain.toLowerCase(Locale.ROOT);
    }

    /** The domain our ids are under, lower-cased. */
    public String domain() {
        return domain;
    }

    /** The root id every mail about {@code ticket} replies to. */
    public String root(TicketId ticket) {
        return "<ticket." + ticket.value() + "@" + domain + ">";
    }

    /** The id of one mail about {@code ticket}; {@code deliveryKey} is lower-case letters, digits and dashes. */
    public String of(TicketId ticket, String deliveryKey) {
        return "<" + ticket.value() + "." + checked(deliveryKey) + "@" + domain + ">";
    }

    /**
     * The id of one mail about no ticket (a call-back request about none): {@code <notice.<delivery key>@<mail
     * domain>>}, which starts a thread of its own and names no ticket to an inbound reply.
     */
    public String standalone(String deliveryKey) {
        return "<notice." + checked(deliveryKey) + "@" + domain + ">";
    }

    private static String checked(String deliveryKey) {
        if (!deliveryKey.matches("[a-z0-9-]{1,64}")) {
            throw new IllegalArgumentException("a delivery key is 1 to 64 of [a-z0-9-]");
        }
        return deliveryKey;
    }

    /**
     * The tickets named by our ids in {@code header} (an {@code In-Reply-To} or {@code References} value), in the order
     * they appear; ids of other domains are not ours and name nothing.
     */
    public List<TicketId> ticketsIn(String header) {
        List<TicketId> tickets = new ArrayList<>();
        Matcher matcher = OURS.matcher(header);
        while (matcher.find()) {
            if (matcher.group(2).equalsIgnoreCase(domain)) {
                tickets.add(new TicketId(UUID.fromString(matcher.group(1))));
            }
        }
        return tickets;
    }

    /** The first ticket our ids in {@code header} name. */
    public Optional<TicketId> ticketIn(String header) {
        return ticketsIn(header).stream().findFirst();
    }
}
