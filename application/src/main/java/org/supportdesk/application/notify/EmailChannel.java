package org.supportdesk.application.notify;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.supportdesk.application.mail.MailContent;
import org.supportdesk.application.mail.MailFacts;
import org.supportdesk.application.mail.MailIdentity;
import org.supportdesk.application.mail.MailTemplates;
import org.supportdesk.domain.notify.Delivery;
import org.supportdesk.domain.notify.DeliveryOutcome;
import org.supportdesk.domain.notify.OutgoingMail;
import org.supportdesk.domain.port.EmailChannels;
import org.supportdesk.domain.port.IdGenerator;
import org.supportdesk.domain.port.MailTransport;
import org.supportdesk.domain.port.NotificationChannel;
import org.supportdesk.domain.port.NotificationIntent;
import org.supportdesk.domain.port.NotificationIntent.NotificationTopic;
import org.supportdesk.domain.port.People;
import org.supportdesk.domain.port.TicketRepository;
import org.supportdesk.domain.tenant.Author;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.UserId;
import org.supportdesk.domain.ticket.Body;
import org.supportdesk.domain.ticket.Message;
import org.supportdesk.domain.ticket.MessageKind;
import org.supportdesk.domain.ticket.Ticket;
import org.supportdesk.domain.ticket.TicketId;
import org.supportdesk.domain.ticket.TicketState;
import org.supportdesk.domain.ticket.TicketStatus;

/**
 * Email (§13, docs/notifications.md "Email") as a {@link NotificationChannel}: an intent becomes one mail per person
 * its audiences name ({@link Audiences}, as in-app), rendered then in the recipient's language and stored as the
 * delivery's payload, so every attempt sends the same mail. Its {@code Message-ID} is the delivery's dedup key, fixed
 * by the intent and the recipient; a mail about a ticket names the ticket's root id in {@code In-Reply-To} and {@code
 * References}, and its {@code Reply-To} carries the recipient's own reply token.
 *
 * <p>Only a public message is ever quoted, and only in the mail of a reply: an internal note's text is in no mail at
 * all, and a customer gets only what {@link NotificationRules#customerMayHear} allows.
 */
public final class EmailChannel implements NotificationChannel {
    public static final String NAME = "email";

    /** The replies a mail quotes; an internal note is named, never quoted. */
    private static final Set<NotificationTopic> QUOTING =
            EnumSet.of(NotificationTopic.CUSTOMER_REPLIED, NotificationTopic.STAFF_REPLIED);

    private final Audiences audiences;
    private final People people;
    private final TicketRepository tickets;
    private final EmailChannels inboundChannels;
    private final MailIdentity identity;
    private final PortalLinks links;
    private final MailTransport transport;
    private final InstantSource clock;

    public EmailChannel(
            People people,
            TicketRepository tickets,
            EmailChannels inboundChannels,
            MailIdentity identity,
            PortalLinks links,
            MailTransport transport,
            InstantSource clock) {
        this.audiences = new Audiences(people);
        this.people = people;
        this.tickets = tickets;
        this.inboundChannels = inboundChannels;
        this.identity = identity;
        this.links = links;
        this.transport = transport;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Delivery> deliveriesFor(NotificationIntent intent, IdGenerator newId) {
        Optional<TicketState> ticket =
                intent.ticket().flatMap(id -> tickets.find(intent.tenant(), id)).map(Ticket::state);
        if (intent.ticket().isPresent() && ticket.isEmpty()) {
            return List.of();
        }
        String actor = intent.causedBy()
                .flatMap(id -> people.person(intent.tenant(), id))
                .map(Person::name)
                .orElse(Author.SYSTEM.name());
        Optional<String> quote = ticket.flatMap(t -> publicMessageQuoted(intent, t));
        URI link = ticket.map(t -> links.ticket(t.id())).orElseGet(links::portal);
        Optional<TicketStatus> status = intent.status().or(() -> ticket.map(TicketState::status));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String repliesTo = inboundChannels
                .find(intent.tenant())
                .map(channel -> channel.supportAddress().value())
                .orElse(identity.from());
        List<Delivery> deliveries = new ArrayList<>();
        for (Person recipient : audiences.resolve(intent, ticket)) {
            if (recipient.role() == Role.CUSTOMER && !NotificationRules.customerMayHear(intent.topic())) {
                continue;
            }
            String key = UUID.nameUUIDFromBytes(
                            ("email:" + intent.dedupKey() + ":" + recipient.id()).getBytes(StandardCharsets.UTF_8))
                    .toString();
            String messageId = ticket.map(t -> identity.messageIds().of(t.id(), key))
                    .orElseGet(() -> identity.messageIds().standalone(key));
            MailContent content = MailTemplates.render(
                    recipient.language(), new MailFacts(intent.topic(), ticket, status, actor, quote, link));
            OutgoingMail mail = new OutgoingMail(
                    identity.from(),
                    recipient.email().value(),
                    recipient.name(),
                    ticket.map(t -> replyAddress(repliesTo, intent.tenant(), t.id(), recipient.id())),
                    messageId,
                    ticket.map(t -> identity.messageIds().root(t.id())),
                    content.subject(),
                    content.text(),
                    content.html());
            deliveries.add(Delivery.owed(
                    newId.newId(),
                    intent.tenant(),
                    intent.id(),
                    NAME,
                    recipient.id().toString(),
                    intent.topic().name().toLowerCase(Locale.ROOT),
                    messageId,
                    payload(mail),
                    now));
        }
        return deliveries;
    }

    /**
     * Where a reply to a mail goes (§16): {@code address} (the tenant's support address when its inbound channel is
     * set up, so the reply reaches that tenant's hook or mailbox; else our sender) with the recipient's reply token in
     * its local part, {@code support+r<token>@example.com}.
     */
    private String replyAddress(String address, TenantId tenant, TicketId ticket, UserId recipient) {
        int at = address.lastIndexOf('@');
        return address.substring(0, at) + "+r" + identity.replyTokens().issue(tenant, ticket, recipient)
                + address.substring(at);
    }

    /** The body of the public message a reply's intent names; nothing for any other topic or kind of message. */
    private Optional<String> publicMessageQuoted(NotificationIntent intent, TicketState ticket) {
        if (!QUOTING.contains(intent.topic()) || intent.message().isEmpty()) {
            return Optional.empty();
        }
        return tickets.messagesOf(intent.tenant(), ticket.id()).stream()
                .filter(message -> message.id().equals(intent.message().get()))
                .filter(message -> message.kind() == MessageKind.PUBLIC && message.customerVisible())
                .map(Message::body)
                .map(Body::value)
                .findFirst();
    }

    @Override
    public DeliveryOutcome send(Delivery delivery) {
        OutgoingMail mail;
        try {
            mail = mail(delivery.payload());
        } catch (IllegalArgumentException e) {
            return DeliveryOutcome.gone("the stored mail cannot be read: " + e.getMessage());
        }
        return transport.send(mail);
    }

    private static String payload(OutgoingMail mail) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("from", mail.fromAddress());
        fields.put("to", mail.toAddress());
        fields.put("to_name", mail.toName());
        fields.put("reply_to", mail.replyTo().orElse(null));
        fields.put("message_id", mail.messageId());
        fields.put("in_reply_to", mail.inReplyTo().orElse(null));
        fields.put("subject", mail.subject());
        fields.put("text", mail.textBody());
        fields.put("html", mail.htmlBody());
        return JsonText.object(fields);
    }

    private static OutgoingMail mail(String payload) {
        Map<String, String> fields = JsonText.flatObject(payload);
        return new OutgoingMail(
                required(fields, "from"),
                required(fields, "to"),
                required(fields, "to_name"),
                Optional.ofNullable(fields.get("reply_to")),
                required(fields, "message_id"),
                Optional.ofNullable(fields.get("in_reply_to")),
                required(fields, "subject"),
                required(fields, "text"),
                required(fields, "html"));
    }

    private static String required(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no " + name);
        }
        return value;
    }
}
