package org.supportdesk.application.telegram;

import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.supportdesk.application.conversation.ReplyAsCustomer;
import org.supportdesk.application.ticket.FileTicketFromChannel;
import org.supportdesk.application.work.AdminWork;
import org.supportdesk.domain.notify.TelegramChat;
import org.supportdesk.domain.port.People;
import org.supportdesk.domain.port.TelegramBots;
import org.supportdesk.domain.port.TicketRepository;
import org.supportdesk.domain.port.TransactionRunner;
import org.supportdesk.domain.tenant.CustomerActor;
import org.supportdesk.domain.tenant.Email;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.SystemActor;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.UserId;
import org.supportdesk.domain.ticket.Body;
import org.supportdesk.domain.ticket.Description;
import org.supportdesk.domain.ticket.FollowUpRequired;
import org.supportdesk.domain.ticket.Subject;
import org.supportdesk.domain.ticket.Ticket;
import org.supportdesk.domain.ticket.TicketId;
import org.supportdesk.domain.ticket.TicketSource;
import org.supportdesk.domain.ticket.TicketState;
import org.supportdesk.domain.ticket.TicketStatus;
import org.supportdesk.domain.ticket.Via;

/**
 * A message written to a tenant's bot (seed 002, §14). Telegram proves the update is for this tenant with the secret
 * registered with the webhook; then, in one transaction, the update is taken once (Telegram sends it again until it is
 * answered), the chat's customer is found or made on first contact, and the text becomes a reply on the chat's ticket
 * when that ticket is live and not closed, or else a new ticket (a follow-up of a ticket resolved too long ago to
 * reopen). Whatever Supportdesk does not take (edits, groups, bots, a sticker without text) is ignored without a trace,
 * and answered as taken, so Telegram stops sending it.
 */
public final class ReceiveTelegramUpdate {
    /** The domain of the addresses of customers made for a chat: {@code .invalid} (RFC 2606) delivers nowhere. */
    public static final String CUSTOMER_EMAIL_DOMAIN = "telegram.invalid";

    private static final int SUBJECT_LENGTH = 80;
    /** An IETF language tag as Telegram sends one; anything else is not kept. */
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,4}");

    /** What came of an update. */
    public enum Outcome {
        /** No such bot, or the wrong secret: nothing changed. */
        REFUSED,
        /** Not a message Supportdesk takes: nothing changed. */
        IGNORED,
        /** Taken before: nothing changed. */
        DUPLICATE,
        FILED,
        REPLIED
    }

    /** {@code secret} is the {@code X-Telegram-Bot-Api-Secret-Token} header, empty when missing. */
    public record Command(TenantId tenant, String secret, TelegramUpdate update) {
        public Command {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(secret, "secret");
            Objects.requireNonNull(update, "update");
        }
    }

    private final TelegramBots bots;
    private final People people;
    private final TicketRepository tickets;
    private final TransactionRunner transactions;
    private final AdminWork work;
    private final FileTicketFromChannel file;
    private final ReplyAsCustomer reply;
    private final InstantSource clock;

    public ReceiveTelegramUpdate(
            TelegramBots bots,
            People people,
            TicketRepository tickets,
            TransactionRunner transactions,
            AdminWork work,
            FileTicketFromChannel file,
            ReplyAsCustomer reply,
            InstantSource clock) {
        this.bots = bots;
        this.people = people;
        this.tickets = tickets;
        this.transactions = transactions;
        this.work = work;
        this.file = file;
        this.reply = reply;
        this.clock = clock;
    }

    /**
     * Whether {@code secret} is the one of {@code tenant}'s bot: what the inbound route checks before it reads the
     * body, so a caller without it learns nothing more than 401. A tenant without a bot accepts no secret.
     */
    public boolean accepts(TenantId tenant, String secret) {
        return transactions.inTransaction(tenant, () -> authentic(tenant, secret));
    }

    public Outcome handle(Command command) {
        TenantId tenant = command.tenant();
        return transactions.inTransaction(tenant, () -> {
            if (!authentic(tenant, command.secret())) {
                return Outcome.REFUSED;
            }
            Optional<Incoming> incoming = supported(command.update());
            if (incoming.isEmpty()) {
                return Outcome.IGNORED;
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            if (!bots.takeUpdate(tenant, command.update().updateId(), now)) {
                return Outcome.DUPLICATE;
            }
            Incoming message = incoming.get();
            TelegramChat chat = bots.chat(tenant, message.chatId()).orElseGet(() -> firstContact(tenant, message, now));
            Optional<Person> customer = people.person(tenant, chat.customer()).filter(Person::active);
            if (customer.isEmpty()) {
                return Outcome.IGNORED; // a customer staff deactivated is not heard
            }
            return post(actorOf(customer.get()), chat, message, now);
        });
    }

    private boolean authentic(TenantId tenant, String secret) {
        return bots.bot(tenant)
                .map(bot -> WebhookSecrets.matches(secret, bot.secretDigest()))
                .orElse(false);
    }

    /** A message with text from a person in a private chat with the bot. */
    private record Incoming(long messageId, long chatId, TelegramUpdate.Sender from, String text) {}

    private static Optional<Incoming> supported(TelegramUpdate update) {
        return update.message()
                .filter(m -> m.chatType().equals("private") && !m.from().bot())
                .flatMap(m -> m.text()
                        .map(TelegramText::plain)
                        .filter(text -> !text.isBlank())
                        .map(text -> new Incoming(m.messageId(), m.chatId(), m.from(), text)));
    }

    private Outcome post(CustomerActor actor, TelegramChat chat, Incoming message, Instant now) {
        TenantId tenant = actor.tenant();
        Optional<TicketId> followUpOf = Optional.empty();
        Optional<TicketState> open = bots.latestTicket(tenant, chat.chatId())
                .flatMap(id -> tickets.find(tenant, id))
                .map(Ticket::state)
                .filter(ticket -> ticket.status() != TicketStatus.CLOSED);
        if (open.isPresent()) {
            try {
                var posted = reply.handle(
                        new ReplyAsCustomer.Command(actor, open.get().id(), new Body(message.text()), Via.TELEGRAM));
                bots.linkMessage(tenant, posted.id(), chat.chatId(), message.messageId());
                return Outcome.REPLIED;
            } catch (FollowUpRequired tooLate) {
                // Refused before anything was written: the conversation goes on in a follow-up ticket.
                followUpOf = Optional.of(tooLate.ticket());
            }
        }
        TicketState filed = file.handle(new FileTicketFromChannel.Command(
                actor, subject(message.text()), new Description(message.text()), TicketSource.TELEGRAM, followUpOf));
        bots.linkTicket(tenant, filed.id(), chat.chatId(), message.messageId(), now);
        return Outcome.FILED;
    }

    /**
     * The customer of a chat that writes for the first time: named as the Telegram user is, with an address under
     * {@value #CUSTOMER_EMAIL_DOMAIN} (a person needs one; it reaches no one, and no channel sends there), without a
     * password.
     */
    private TelegramChat firstContact(TenantId tenant, Incoming message, Instant now) {
        Email email = Email.of("telegram-" + message.chatId() + "@" + CUSTOMER_EMAIL_DOMAIN);
        Person customer = people.personByEmail(tenant, email)
                .filter(person -> person.role() == Role.CUSTOMER)
                .orElseGet(() -> {
                    Person made = new Person(
                            new UserId(work.newId()),
                            tenant,
                            email,
                            TelegramText.name(message.from(), message.chatId()),
                            Role.CUSTOMER,
                            Optional.empty(),
                            true);
                    people.add(made);
                    work.recordPersonCreated(new SystemActor(tenant), made);
                    return made;
                });
        Optional<String> language = message.from()
                .languageCode()
                .filter(code -> LANGUAGE_TAG.matcher(code).matches());
        TelegramChat chat = new TelegramChat(tenant, message.chatId(), customer.id(), language, now);
        bots.addChat(chat);
        return chat;
    }

    private CustomerActor actorOf(Person customer) {
        return CustomerActor.of(
                customer, customer.organization().flatMap(org -> people.organization(customer.tenant(), org)));
    }

    private static Subject subject(String text) {
        String line = TelegramText.firstLine(text, SUBJECT_LENGTH);
        return new Subject(line.length() >= Subject.MIN_LENGTH ? line : "Telegram: " + line);
    }
}
