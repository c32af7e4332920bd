package org.supportdesk.application.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.supportdesk.application.UseCaseTest;
import org.supportdesk.application.call.RequestCallBack;
import org.supportdesk.application.conversation.AddInternalNote;
import org.supportdesk.application.mail.MailIdentity;
import org.supportdesk.application.mail.ReplyTokens;
import org.supportdesk.application.sla.ScanSlaBreaches;
import org.supportdesk.application.ticket.AssignTicket;
import org.supportdesk.domain.call.CallNote;
import org.supportdesk.domain.notify.Delivery;
import org.supportdesk.domain.notify.DeliveryOutcome;
import org.supportdesk.domain.notify.OutgoingMail;
import org.supportdesk.domain.port.MailTransport;
import org.supportdesk.domain.port.NotificationIntent;
import org.supportdesk.domain.port.NotificationIntent.NotificationTopic;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.tenant.Email;
import org.supportdesk.domain.tenant.Language;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.ticket.Body;
import org.supportdesk.domain.ticket.TicketState;
import org.supportdesk.domain.ticket.TicketStatus;
import org.supportdesk.domain.ticket.Via;

/**
 * The email channel over the in-memory core with a transport that keeps what it is given: what one intent's mails say,
 * in whose language, how they thread, that an internal note's text is in none of them, who hears of an SLA breach (the
 * scanner's clock is the test's), and that without a transport email is no channel. Who gets mail for each other event
 * is {@code EmailOutTest}'s, against a real SMTP server.
 */
class EmailChannelTest extends UseCaseTest {
    private final ReplyTokens tokens = ReplyTokens.derivedFrom("email channel test key");
    private final MailIdentity identity = MailIdentity.of("support@mail.acme.example", tokens);
    private final KeptMail transport = new KeptMail();
    private final EmailChannel channel = new EmailChannel(
            core.people,
            core.tickets,
            core.emailChannels,
            identity,
            new PortalLinks(URI.create("https://desk.acme.example/")),
            transport,
            core.clock);

    /** A transport that keeps every mail and takes it. */
    static final class KeptMail implements MailTransport {
        final List<OutgoingMail> sent = new ArrayList<>();

        @Override
        public synchronized DeliveryOutcome send(OutgoingMail mail) {
            sent.add(mail);
            return DeliveryOutcome.delivered(250, 1);
        }
    }

    @Test
    void a_staff_reply_mails_the_requester_the_escaped_reply_threaded_under_the_ticket_with_her_own_reply_token() {
        TicketState ticket = aTicket();
        reply(acme.agentActor(), ticket.id(), "Unplug it <b>now</b> & wait");

        OutgoingMail mail = single(sentFor(last(NotificationTopic.STAFF_REPLIED)));

        assertThat(mail.toAddress()).isEqualTo(acme.customer.email().value());
        assertThat(mail.subject()).isEqualTo("[" + ticket.number() + "] Printer on fire");
        assertThat(mail.textBody()).contains("Unplug it <b>now</b> & wait").contains("/tickets/" + ticket.id());
        assertThat(mail.htmlBody())
                .contains("Unplug it &lt;b&gt;now&lt;/b&gt; &amp; wait")
                .doesNotContain("<b>now</b>");
        assertThat(mail.inReplyTo()).contains("<ticket." + ticket.id() + "@mail.acme.example>");
        assertThat(mail.messageId()).startsWith("<" + ticket.id() + ".").endsWith("@mail.acme.example>");
        String token = mail.replyTo().orElseThrow().replaceAll("^support\\+r(.*)@mail\\.acme\\.example$", "$1");
        assertThat(tokens.verify(token, acme.tenant, acme.customer.id())).contains(ticket.id());
        assertThat(tokens.verify(token, acme.tenant, acme.agent.id())).isEmpty();
    }

    @Test
    void replies_go_to_the_tenants_support_address_once_its_inbound_channel_is_set_up() {
        core.read(acme.tenant, () -> {
            core.emailChannels.save(new org.supportdesk.domain.mail.EmailChannel(
                    acme.tenant,
                    Email.of("help@acme.example"),
                    Optional.empty(),
                    "hash",
                    core.clock.instant(),
                    core.clock.instant()));
            return null;
        });
        TicketState ticket = aTicket();
        reply(acme.agentActor(), ticket.id(), "On it");

        OutgoingMail mail = single(sentFor(last(NotificationTopic.STAFF_REPLIED)));

        assertThat(mail.fromAddress()).isEqualTo("support@mail.acme.example");
        String token = mail.replyTo().orElseThrow().replaceAll("^help\\+r(.*)@acme\\.example$", "$1");
        assertThat(tokens.verify(token, acme.tenant, acme.customer.id())).contains(ticket.id());
    }

    @Test
    void an_internal_note_mail_names_the_event_to_the_assignee_and_never_carries_the_note() {
        TicketState ticket = assignedToAgnes();
        core.desk()
                .addInternalNote()
                .handle(new AddInternalNote.Command(
                        acme.adminActor(),
                        ticket.id(),
                        new Body("The customer owes us money"),
                        Via.API,
                        Optional.empty()));

        List<OutgoingMail> mails = sentFor(last());

        assertThat(mails).singleElement().satisfies(mail -> {
            assertThat(mail.toAddress()).isEqualTo(acme.agent.email().value());
            assertThat(mail.textBody()).contains("internal note").doesNotContain("money");
            assertThat(mail.htmlBody()).doesNotContain("money");
        });
    }

    @Test
    void a_russian_reader_gets_russian_words_and_the_same_subject_line() {
        inAcme(() -> core.people.update(withLanguage(acme.customer, Language.RU)));
        TicketState ticket = aTicket();
        reply(acme.agentActor(), ticket.id(), "Перезагрузите принтер");

        OutgoingMail mail = single(sentFor(last(NotificationTopic.STAFF_REPLIED)));

        assertThat(mail.subject()).isEqualTo("[" + ticket.number() + "] Printer on fire");
        assertThat(mail.textBody()).contains("ответил(а) на ваше обращение").contains("Перезагрузите принтер");
        assertThat(mail.htmlBody()).contains("lang=\"ru\"").contains("Открыть в Supportdesk");
    }

    @Test
    void each_status_change_mail_names_the_status_it_set_though_the_ticket_moved_on_before_it_was_sent() {
        TicketState ticket = aTicket();
        moveTo(ticket.id(), TicketStatus.IN_PROGRESS);
        moveTo(ticket.id(), TicketStatus.ON_HOLD);

        List<String> headlines = core.outbox.intents().stream()
                .filter(intent -> intent.topic() == NotificationTopic.STATUS_CHANGED)
                .map(intent ->
                        single(sentFor(intent)).textBody().lines().findFirst().orElseThrow())
                .toList();

        assertThat(headlines)
                .containsExactly(
                        "Your request " + ticket.number() + " is now in progress.",
                        "Your request " + ticket.number() + " is now on hold.");
    }

    @Test
    void the_same_intent_gives_each_recipient_the_same_message_id_every_time() {
        aTicket();
        NotificationIntent filed = last();

        List<String> first = expand(filed).stream().map(Delivery::dedupKey).toList();
        List<String> again = expand(filed).stream().map(Delivery::dedupKey).toList();

        assertThat(first).hasSize(2).doesNotHaveDuplicates().isEqualTo(again);
    }

    @Test
    void a_call_back_about_no_ticket_starts_a_thread_of_its_own_and_takes_no_reply() {
        core.portal()
                .requestCallBack()
                .handle(new RequestCallBack.Command(
                        acme.customerActor(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(new CallNote("About my invoice"))));

        List<OutgoingMail> mails = sentFor(last());

        assertThat(mails).hasSize(2).allSatisfy(mail -> {
            assertThat(mail.messageId()).startsWith("<notice.");
            assertThat(mail.inReplyTo()).isEmpty();
            assertThat(mail.replyTo()).isEmpty();
            assertThat(mail.subject()).isEqualTo("Call back requested by " + acme.customer.name());
        });
    }

    @Test
    void an_sla_breach_mails_the_assignee_and_the_admins_from_the_system() {
        TicketState ticket = assignedToAgnes();
        core.clock.advance(Duration.ofDays(30));
        core.useCases.scheduled().scanSlaBreaches().handle(new ScanSlaBreaches.Command(acme.tenant, 100));

        List<OutgoingMail> mails = sentFor(last(NotificationTopic.SLA_BREACHED));

        assertThat(mails)
                .extracting(OutgoingMail::toAddress)
                .containsExactlyInAnyOrder(
                        acme.agent.email().value(), acme.admin.email().value());
        assertThat(mails).allSatisfy(mail -> assertThat(mail.textBody())
                .startsWith("Ticket " + ticket.number() + " has missed its service-level target."));
    }

    @Test
    void a_dispatcher_without_a_mail_transport_makes_no_email_delivery() {
        aTicket();

        core.channels()
                .dispatchOutbox()
                .handle(new DispatchOutbox.Command(acme.tenant, 100, DispatchPolicy.standard()));

        assertThat(core.read(
                                acme.tenant,
                                () -> core.deliveries.list(
                                        acme.tenant, Optional.empty(), Optional.empty(), new PageRequest(1, 100)))
                        .items())
                .noneMatch(delivery -> delivery.channel().equals(EmailChannel.NAME));
    }

    private TicketState assignedToAgnes() {
        TicketState ticket = aTicket();
        return core.desk()
                .assignTicket()
                .handle(new AssignTicket.Command(
                        acme.adminActor(), ticket.id(), Optional.of(acme.agent.id()), Optional.empty()))
                .ticket();
    }

    private NotificationIntent last() {
        List<NotificationIntent> intents = core.outbox.intents();
        return intents.get(intents.size() - 1);
    }

    /** The last intent of {@code topic}: a first staff reply, say, also moves the ticket on, which is told apart. */
    private NotificationIntent last(NotificationTopic topic) {
        List<NotificationIntent> intents = core.outbox.intents().stream()
                .filter(intent -> intent.topic() == topic)
                .toList();
        return intents.get(intents.size() - 1);
    }

    private List<Delivery> expand(NotificationIntent intent) {
        return core.read(acme.tenant, () -> channel.deliveriesFor(intent, UUID::randomUUID));
    }

    /** What the channel sends for {@code intent}: each delivery made, then sent. */
    private List<OutgoingMail> sentFor(NotificationIntent intent) {
        int before = transport.sent.size();
        for (Delivery delivery : expand(intent)) {
            assertThat(channel.send(delivery).delivered()).isTrue();
        }
        return transport.sent.subList(before, transport.sent.size());
    }

    private static OutgoingMail single(List<OutgoingMail> mails) {
        assertThat(mails).hasSize(1);
        return mails.get(0);
    }

    private void inAcme(Runnable work) {
        core.read(acme.tenant, () -> {
            work.run();
            return null;
        });
    }

    private static Person withLanguage(Person person, Language language) {
        return new Person(
                person.id(),
                person.tenant(),
                person.email(),
                person.name(),
                person.role(),
                person.organization(),
                person.active(),
                language);
    }
}
