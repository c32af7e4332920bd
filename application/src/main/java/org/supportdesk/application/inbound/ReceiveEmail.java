package org.supportdesk.application.inbound;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.supportdesk.application.attachment.IncomingFile;
import org.supportdesk.application.attachment.UploadAttachment;
import org.supportdesk.application.conversation.ReplyAsCustomer;
import org.supportdesk.application.conversation.ReplyToTicket;
import org.supportdesk.application.mail.MailIdentity;
import org.supportdesk.application.mail.ReplyTokens;
import org.supportdesk.application.ticket.FileTicket;
import org.supportdesk.application.work.AdminWork;
import org.supportdesk.domain.digest.Digests;
import org.supportdesk.domain.mail.EmailChannel;
import org.supportdesk.domain.mail.InboundMail;
import org.supportdesk.domain.mail.MailAttachment;
import org.supportdesk.domain.mail.MailOutcome;
import org.supportdesk.domain.mail.MailRule;
import org.supportdesk.domain.mail.ReceivedMail;
import org.supportdesk.domain.port.EmailChannels;
import org.supportdesk.domain.port.MailParser;
import org.supportdesk.domain.port.People;
import org.supportdesk.domain.port.ReceivedMails;
import org.supportdesk.domain.port.TenantConfiguration;
import org.supportdesk.domain.port.TicketRepository;
import org.supportdesk.domain.port.TransactionRunner;
import org.supportdesk.domain.problem.DomainException;
import org.supportdesk.domain.problem.ProblemCode;
import org.supportdesk.domain.problem.Validation;
import org.supportdesk.domain.problem.ValidationFailed;
import org.supportdesk.domain.tenant.Actor;
import org.supportdesk.domain.tenant.AttachmentLimits;
import org.supportdesk.domain.tenant.Category;
import org.supportdesk.domain.tenant.CustomerActor;
import org.supportdesk.domain.tenant.Email;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.tenant.SystemActor;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.TenantSettings;
import org.supportdesk.domain.tenant.UserId;
import org.supportdesk.domain.ticket.AttachmentId;
import org.supportdesk.domain.ticket.Body;
import org.supportdesk.domain.ticket.Description;
import org.supportdesk.domain.ticket.MessageId;
import org.supportdesk.domain.ticket.PortalContext;
import org.supportdesk.domain.ticket.Priority;
import org.supportdesk.domain.ticket.Subject;
import org.supportdesk.domain.ticket.Ticket;
import org.supportdesk.domain.ticket.TicketId;
import org.supportdesk.domain.ticket.TicketNumber;
import org.supportdesk.domain.ticket.TicketSource;
import org.supportdesk.domain.ticket.TicketState;
import org.supportdesk.domain.ticket.TicketStatus;
import org.supportdesk.domain.ticket.Via;
import org.supportdesk.domain.visibility.TicketAccess;

/**
 * A mail reaches a tenant (the hook or its mailbox) and becomes a ticket, a message on one, or nothing
 * (docs/notifications.md "Inbound email"). In a fixed order: machine, list, bounced and our own mail is ignored; then
 * a reply token in a recipient address that verifies for the {@code From} person places it on the token's ticket as
 * that person (the only way staff post by mail); then our {@code Message-ID} in {@code In-Reply-To}/{@code References},
 * then the ticket number in the subject, each only for a customer who may see that ticket; otherwise it files a new
 * ticket (source {@code email}) with the sender as requester. Staff without a valid token are ignored: their mail is
 * never posted as staff, and a ticket filed with an agent as customer would be wrong. Who a mail is from is its single
 * {@code From} address and nothing else: never {@code Reply-To}, never a display name.
 *
 * <p>The same mail ({@code Message-ID}, else its bytes' digest) received twice is processed once: the second answers
 * what the first did. Files are kept as uploads are (type sniffed, size and count limited); one refused is left out
 * and named in the answer's reason.
 */
public final class ReceiveEmail {
    public record Command(TenantId tenant, byte[] raw) {
        public Command {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(raw, "raw");
        }
    }

    /** What became of the mail; {@code duplicate} when it had been received before and this is that answer again. */
    public record Received(ReceivedMail mail, boolean duplicate) {}

    /** A reply address's local part carrying a token: {@code support+r<token>}. */
    private static final Pattern TOKEN_ADDRESS =
            Pattern.compile("[^+@]+\\+r([a-z2-7]{" + ReplyTokens.LENGTH + "})@.+", Pattern.CASE_INSENSITIVE);

    private static final Pattern TICKET_NUMBER = Pattern.compile("TKT-[1-9]\\d{3}-\\d{6,18}");

    static final String NO_SUBJECT = "(no subject)";
    static final String NO_TEXT = "(no text)";

    private final MailParser parser;
    private final MailIdentity us;
    private final EmailChannels channels;
    private final ReceivedMails received;
    private final People people;
    private final TicketRepository tickets;
    private final TenantConfiguration configuration;
    private final TransactionRunner transactions;
    private final AdminWork work;
    private final UploadAttachment upload;
    private final FileTicket fileTicket;
    private final ReplyAsCustomer replyAsCustomer;
    private final ReplyToTicket replyAsStaff;

    public ReceiveEmail(
            MailParser parser,
            MailIdentity us,
            EmailChannels channels,
            ReceivedMails received,
            People people,
            TicketRepository tickets,
            TenantConfiguration configuration,
            TransactionRunner transactions,
            AdminWork work,
            UploadAttachment upload,
            FileTicket fileTicket,
            ReplyAsCustomer replyAsCustomer,
            ReplyToTicket replyAsStaff) {
        this.parser = parser;
        this.us = us;
        this.channels = channels;
        this.received = received;
        this.people = people;
        this.tickets = tickets;
        this.configuration = configuration;
        this.transactions = transactions;
        this.work = work;
        this.upload = upload;
        this.fileTicket = fileTicket;
        this.replyAsCustomer = replyAsCustomer;
        this.replyAsStaff = replyAsStaff;
    }

    /**
     * @throws ValidationFailed naming {@code message} when the bytes are not a readable mail; nothing is recorded
     */
    public Received handle(Command command) {
        TenantId tenant = command.tenant();
        InboundMail mail = parser.parse(command.raw());
        String key = mail.messageId()
                .map(String::strip)
                .filter(id -> !id.isEmpty() && id.length() <= 998)
                .orElseGet(() -> "sha256:" + Digests.sha256Hex(command.raw()));
        try {
            Judgement judged = transactions.inTransaction(tenant, () -> judge(tenant, key, mail));
            if (judged instanceof Answered answered) {
                return answered.received();
            }
            Plan plan = (Plan) judged;
            Uploads files = upload(plan.actor(), mail.attachments(), tenant);
            return new Received(transactions.inTransaction(tenant, () -> carryOut(key, mail, plan, files)), false);
        } catch (AlreadyReceived raced) {
            return earlier(tenant, key);
        }
    }

    /** What judging a mail decided: the answer already (received before, or ignored), or a plan to carry out. */
    private sealed interface Judgement permits Answered, Plan {}

    private record Answered(Received received) implements Judgement {}

    /** Who the mail is from, the ticket it goes on (none: a new ticket) and the rule that chose it. */
    private record Plan(Actor actor, String sender, Optional<TicketId> ticket, MailRule rule) implements Judgement {}

    private Judgement judge(TenantId tenant, String key, InboundMail mail) {
        Optional<ReceivedMail> before = received.find(tenant, key);
        if (before.isPresent()) {
            return new Answered(new Received(before.get(), true));
        }
        String sender = mail.from().size() == 1 ? mail.from().get(0) : String.join(", ", mail.from());
        Optional<String> supportAddress =
                channels.find(tenant).map(EmailChannel::supportAddress).map(Email::value);
        Optional<String> ignored = LoopGuard.reasonToIgnore(mail, us, supportAddress)
                .or(() -> mail.from().size() == 1 ? Optional.empty() : Optional.of("not_one_from_address"));
        if (ignored.isPresent()) {
            return ignore(tenant, key, sender, ignored.get());
        }
        Optional<Email> address = readable(sender);
        if (address.isEmpty()) {
            return ignore(tenant, key, sender, "unreadable_from_address");
        }
        Optional<Person> known = people.personByEmail(tenant, address.get());
        if (known.isPresent() && !known.get().active()) {
            return ignore(tenant, key, sender, "sender_deactivated");
        }
        boolean senderDiffers = mail.sender()
                .filter(s -> !s.strip().equalsIgnoreCase(sender.strip()))
                .isPresent();
        if (known.isPresent()) {
            Person person = known.get();
            Actor actor = actorOf(person);
            Optional<TicketId> byToken = byToken(mail, person, actor);
            if (byToken.isPresent()) {
                return new Plan(actor, address.get().value(), byToken, MailRule.REPLY_TOKEN);
            }
            if (person.role().isStaff()) {
                return ignore(tenant, key, sender, "staff_without_valid_token");
            }
            if (senderDiffers) {
                return ignore(tenant, key, sender, "sender_differs_from_from");
            }
            CustomerActor customer = (CustomerActor) actor;
            Optional<TicketId> byId = byMessageIds(mail, customer);
            if (byId.isPresent()) {
                return new Plan(actor, address.get().value(), byId, MailRule.IN_REPLY_TO);
            }
            Optional<TicketId> byNumber = bySubjectNumber(mail, customer);
            if (byNumber.isPresent()) {
                return new Plan(actor, address.get().value(), byNumber, MailRule.SUBJECT_NUMBER);
            }
            return new Plan(actor, address.get().value(), Optional.empty(), MailRule.NEW_TICKET);
        }
        if (senderDiffers) {
            return ignore(tenant, key, sender, "sender_differs_from_from");
        }
        // Made now, committed with the plan, because the mail's files are uploaded in its name before the filing.
        Person customer = newCustomer(tenant, address.get(), mail.fromName());
        return new Plan(actorOf(customer), address.get().value(), Optional.empty(), MailRule.NEW_TICKET);
    }

    private Answered ignore(TenantId tenant, String key, String sender, String reason) {
        ReceivedMail mail = new ReceivedMail(
                tenant,
                key,
                sender,
                MailOutcome.IGNORED,
                Optional.empty(),
                Optional.of(reason),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                work.now());
        return new Answered(new Received(add(mail), false));
    }

    /** Rule 1: a token in a recipient address that verifies for this very person, naming a ticket they may post to. */
    private Optional<TicketId> byToken(InboundMail mail, Person person, Actor actor) {
        for (String recipient : mail.recipients()) {
            Matcher matcher = TOKEN_ADDRESS.matcher(recipient.strip());
            if (matcher.matches()) {
                Optional<TicketId> ticket = us.replyTokens()
                        .verify(matcher.group(1), person.tenant(), person.id())
                        .filter(id -> postable(actor, id));
                if (ticket.isPresent()) {
                    return ticket;
                }
            }
        }
        return Optional.empty();
    }

    /** Rule 2: our ids in {@code In-Reply-To}, then {@code References}, naming a ticket the customer may post to. */
    private Optional<TicketId> byMessageIds(InboundMail mail, CustomerActor customer) {
        Set<TicketId> named = new LinkedHashSet<>();
        mail.inReplyTo().ifPresent(header -> named.addAll(us.messageIds().ticketsIn(header)));
        mail.references().ifPresent(header -> named.addAll(us.messageIds().ticketsIn(header)));
        return named.stream().filter(id -> postable(customer, id)).findFirst();
    }

    /** Rule 3: a ticket number in the subject, naming a ticket the customer may post to. */
    private Optional<TicketId> bySubjectNumber(InboundMail mail, CustomerActor customer) {
        Matcher matcher = TICKET_NUMBER.matcher(mail.subject());
        while (matcher.find()) {
            Optional<TicketId> ticket = TicketNumber.parse(matcher.group())
                    .flatMap(number -> tickets.find(customer.tenant(), number))
                    .map(Ticket::state)
                    .map(TicketState::id)
                    .filter(id -> postable(customer, id));
            if (ticket.isPresent()) {
                return ticket;
            }
        }
        return Optional.empty();
    }

    /** A live ticket the actor may see that is not closed: staff any of the tenant's, customers per §8. */
    private boolean postable(Actor actor, TicketId id) {
        return tickets.find(actor.tenant(), id)
                .map(Ticket::state)
                .filter(state -> TicketAccess.canSee(actor, state))
                .filter(state -> state.status() != TicketStatus.CLOSED)
                .isPresent();
    }

    private Actor actorOf(Person person) {
        if (person.role().isStaff()) {
            return StaffActor.of(person);
        }
        return CustomerActor.of(
                person, person.organization().flatMap(org -> people.organization(person.tenant(), org)));
    }

    private Person newCustomer(TenantId tenant, Email address, Optional<String> displayName) {
        String name = displayName
                .map(ReceiveEmail::oneLine)
                .map(String::strip)
                // A name that looks like an address would let a stranger pass for someone else on the desk.
                .filter(n -> !n.isEmpty() && n.length() <= 200 && Validation.isPlainText(n) && !n.contains("@"))
                .orElse(address.value());
        Person customer =
                new Person(new UserId(work.newId()), tenant, address, name, Role.CUSTOMER, Optional.empty(), true);
        people.add(customer);
        work.recordPersonCreated(new SystemActor(tenant), customer);
        return customer;
    }

    /** The mail's files, uploaded as its sender's (so the same checks as any upload), at most a message's worth. */
    private record Uploads(List<AttachmentId> ids, List<String> refused) {}

    private Uploads upload(Actor actor, List<MailAttachment> attachments, TenantId tenant) {
        AttachmentLimits limits = transactions.inTransaction(
                tenant, () -> configuration.settings(tenant).attachmentLimits());
        List<AttachmentId> ids = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (MailAttachment attachment : attachments) {
            String name = attachment.fileName().orElse("unnamed");
            if (ids.size() == limits.maxFilesPerMessage()) {
                refused.add(name + " (more files than a message may carry)");
                continue;
            }
            IncomingFile file = max ->
                    new IncomingFile.Received(attachment.fileName(), new ByteArrayInputStream(attachment.content()));
            try {
                ids.add(upload.handle(new UploadAttachment.Command(actor, file)).id());
            } catch (DomainException refusal) {
                refused.add(name + " (" + refusal.code().name().toLowerCase(Locale.ROOT) + ")");
            }
        }
        return new Uploads(ids, refused);
    }

    private ReceivedMail carryOut(String key, InboundMail mail, Plan plan, Uploads files) {
        TenantId tenant = plan.actor().tenant();
        Optional<String> leftOut = files.refused().isEmpty()
                ? Optional.empty()
                : Optional.of("files left out: " + String.join(", ", files.refused()));
        if (plan.ticket().isPresent()) {
            Optional<MessageId> posted = post(plan.actor(), plan.ticket().get(), body(mail), files.ids());
            if (posted.isPresent()) {
                TicketState ticket =
                        tickets.find(tenant, plan.ticket().get()).orElseThrow().state();
                return record(key, plan, MailOutcome.MESSAGE_ADDED, plan.rule(), leftOut, ticket, posted);
            }
            // The ticket was closed, or is past its reopen window, since the plan: a customer's mail becomes a new
            // ticket as it would have had no rule matched; staff have nothing to file.
            if (plan.actor() instanceof StaffActor) {
                return ignore(tenant, key, plan.sender(), "ticket_closed")
                        .received()
                        .mail();
            }
        }
        CustomerActor customer = (CustomerActor) plan.actor();
        TicketId filed = fileTicket
                .handle(new FileTicket.Command(
                        customer,
                        subject(mail),
                        new Description(text(mail.text(), Description.MAX_LENGTH)),
                        category(configuration.settings(tenant)),
                        Priority.MEDIUM,
                        PortalContext.NONE,
                        Optional.empty(),
                        files.ids(),
                        Optional.empty(),
                        TicketSource.EMAIL))
                .id();
        TicketState ticket = tickets.find(tenant, filed).orElseThrow().state();
        return record(key, plan, MailOutcome.TICKET_CREATED, MailRule.NEW_TICKET, leftOut, ticket, Optional.empty());
    }

    /** Posts the mail's text on the ticket; empty when the ticket takes no more replies (closed, follow-up needed). */
    private Optional<MessageId> post(Actor actor, TicketId ticket, Body body, List<AttachmentId> files) {
        try {
            if (actor instanceof StaffActor staff) {
                return Optional.of(replyAsStaff
                        .handle(new ReplyToTicket.Command(
                                staff, ticket, body, Via.EMAIL, false, Optional.empty(), files))
                        .message()
                        .id());
            }
            return Optional.of(replyAsCustomer
                    .handle(new ReplyAsCustomer.Command((CustomerActor) actor, ticket, body, Via.EMAIL, files))
                    .id());
        } catch (DomainException refused) {
            // Refused before anything was written, so the transaction goes on.
            if (refused.code() == ProblemCode.TICKET_CLOSED || refused.code() == ProblemCode.FOLLOW_UP_REQUIRED) {
                return Optional.empty();
            }
            throw refused;
        }
    }

    private ReceivedMail record(
            String key,
            Plan plan,
            MailOutcome outcome,
            MailRule rule,
            Optional<String> reason,
            TicketState ticket,
            Optional<MessageId> message) {
        return add(new ReceivedMail(
                ticket.tenant(),
                key,
                plan.sender(),
                outcome,
                Optional.of(rule),
                reason,
                Optional.of(ticket.id()),
                Optional.of(ticket.number()),
                message,
                work.now()));
    }

    private ReceivedMail add(ReceivedMail mail) {
        if (!received.add(mail)) {
            throw new AlreadyReceived(); // rolls back what this delivery did; the first one's answer stands
        }
        return mail;
    }

    private Received earlier(TenantId tenant, String key) {
        return transactions
                .inTransaction(tenant, () -> received.find(tenant, key))
                .map(mail -> new Received(mail, true))
                .orElseThrow(() -> new IllegalStateException("a mail recorded concurrently is not found: " + key));
    }

    /** Another delivery of the same mail committed first. */
    private static final class AlreadyReceived extends RuntimeException {
        AlreadyReceived() {
            super(null, null, false, false);
        }
    }

    /** The category of tickets filed by mail: {@code other} when the tenant offers it, else its first by name. */
    private static Category category(TenantSettings settings) {
        Category other = new Category("other");
        return settings.offers(other)
                ? other
                : settings.categories().stream()
                        .min(Comparator.comparing(Category::value))
                        .orElseThrow();
    }

    private static Optional<Email> readable(String address) {
        try {
            return Optional.of(Email.of(address));
        } catch (ValidationFailed unreadable) {
            return Optional.empty();
        }
    }

    private static Subject subject(InboundMail mail) {
        String line = oneLine(clean(mail.subject())).strip();
        if (line.length() < Subject.MIN_LENGTH) {
            return new Subject(NO_SUBJECT);
        }
        return new Subject(cut(line, Subject.MAX_LENGTH));
    }

    private static Body body(InboundMail mail) {
        return new Body(text(mail.text(), Body.MAX_LENGTH));
    }

    /** The mail's text as a body or description takes it: cleaned, trimmed, cut to {@code max}, never blank. */
    private static String text(String raw, int max) {
        String text = clean(raw).strip();
        return text.isEmpty() ? NO_TEXT : cut(text, max).strip();
    }

    /** Without the control characters and unpaired surrogates no stored text may hold. */
    private static String clean(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < raw.length() && Character.isLowSurrogate(raw.charAt(i + 1))) {
                out.append(c).append(raw.charAt(++i));
            } else if (!Character.isSurrogate(c) && (c >= 0x20 || c == '\t' || c == '\n' || c == '\r')) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String oneLine(String text) {
        return text.replaceAll("[\\r\\n\\u0085\\u2028\\u2029]+", " ");
    }

    /** At most {@code max} characters, never splitting a surrogate pair. */
    private static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isLowSurrogate(text.charAt(max)) ? max - 1 : max;
        return text.substring(0, end);
    }
}
