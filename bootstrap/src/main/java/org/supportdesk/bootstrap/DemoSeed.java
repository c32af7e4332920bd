package org.supportdesk.bootstrap;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.supportdesk.adapter.persistence.PrivateFiles;
import org.supportdesk.application.UseCases;
import org.supportdesk.application.admin.AddOrganization;
import org.supportdesk.application.admin.AddPerson;
import org.supportdesk.application.admin.CreateTenant;
import org.supportdesk.application.attachment.IncomingFile;
import org.supportdesk.application.attachment.UploadAttachment;
import org.supportdesk.application.call.RequestCallBack;
import org.supportdesk.application.call.UpdateCall;
import org.supportdesk.application.conversation.AddInternalNote;
import org.supportdesk.application.conversation.ReplyToTicket;
import org.supportdesk.application.kb.CreateArticle;
import org.supportdesk.application.ticket.AssignTicket;
import org.supportdesk.application.ticket.ChangeTicketStatus;
import org.supportdesk.application.ticket.CloseOwnTicket;
import org.supportdesk.application.ticket.FileTicket;
import org.supportdesk.application.ticket.GiveFeedback;
import org.supportdesk.domain.call.CallId;
import org.supportdesk.domain.call.CallNote;
import org.supportdesk.domain.call.CallStatus;
import org.supportdesk.domain.call.PhoneNumber;
import org.supportdesk.domain.kb.ArticleBody;
import org.supportdesk.domain.kb.ArticleId;
import org.supportdesk.domain.kb.ArticleStatus;
import org.supportdesk.domain.kb.ArticleTags;
import org.supportdesk.domain.kb.ArticleTitle;
import org.supportdesk.domain.port.Tenants;
import org.supportdesk.domain.tenant.Actor;
import org.supportdesk.domain.tenant.Category;
import org.supportdesk.domain.tenant.CustomerActor;
import org.supportdesk.domain.tenant.Email;
import org.supportdesk.domain.tenant.Organization;
import org.supportdesk.domain.tenant.Password;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.tenant.TenantSlug;
import org.supportdesk.domain.ticket.AttachmentId;
import org.supportdesk.domain.ticket.Body;
import org.supportdesk.domain.ticket.Description;
import org.supportdesk.domain.ticket.PortalContext;
import org.supportdesk.domain.ticket.Priority;
import org.supportdesk.domain.ticket.Rating;
import org.supportdesk.domain.ticket.Subject;
import org.supportdesk.domain.ticket.TicketId;
import org.supportdesk.domain.ticket.TicketStatus;
import org.supportdesk.domain.ticket.Via;

/**
 * The {@code demo} tenant of {@code serve --demo}: an admin, two agents, three customers (two in an organisation that
 * shares tickets), a ticket in every status with public replies and internal notes, attachments (a screenshot and a
 * log filed with a ticket, a file on an internal note), knowledge-base articles (two published, one draft, one named by
 * a ticket), feedback on the solved tickets and two call-back requests, made through the real use cases. Seeding is
 * skipped when the tenant exists. Every demo account signs in with one password, generated on the
 * first seed and kept under the data directory (0600) so later runs can print it again.
 */
final class DemoSeed {
    static final String SLUG = "demo";
    static final String PASSWORD_FILE = "demo-password";

    /** A demo account and its password (empty when it was seeded with a password this data directory lacks). */
    record Account(String email, String name, Role role, Optional<String> password) {}

    /** What the demo has: whether this run seeded it, and who can sign in. */
    record Demo(boolean seeded, List<Account> accounts, Path passwordFile) {}

    private final Tenants tenants;
    private final UseCases useCases;
    private final InstantSource clock;

    DemoSeed(Tenants tenants, UseCases useCases, InstantSource clock) {
        this.tenants = tenants;
        this.useCases = useCases;
        this.clock = clock;
    }

    Demo seed(Path dataDir) {
        Path passwordFile = dataDir.resolve(PASSWORD_FILE);
        boolean exists = tenants.bySlug(SLUG).isPresent();
        Optional<String> password = exists ? readPassword(passwordFile) : Optional.of(keptPassword(passwordFile));
        if (!exists) {
            seedTenant(password.orElseThrow());
        }
        List<Account> accounts = List.of(
                new Account("admin@demo.example", "Ada Admin", Role.ADMIN, password),
                new Account("agnes@demo.example", "Agnes Agent", Role.AGENT, password),
                new Account("arthur@demo.example", "Arthur Agent", Role.AGENT, password),
                new Account("carla@demo.example", "Carla Customer (Acme Corp)", Role.CUSTOMER, password),
                new Account("colin@demo.example", "Colin Colleague (Acme Corp)", Role.CUSTOMER, password),
                new Account("oscar@demo.example", "Oscar Outsider", Role.CUSTOMER, password));
        return new Demo(!exists, accounts, passwordFile);
    }

    private void seedTenant(String password) {
        CreateTenant.Created created = useCases.createTenant()
                .handle(CreateTenant.Command.withAdmin(
                        new TenantSlug(SLUG),
                        "Demo Support",
                        new CreateTenant.FirstAdmin(
                                Email.of("admin@demo.example"), "Ada Admin", new Password(password))));
        StaffActor admin = StaffActor.of(created.admin().orElseThrow());
        Organization acme =
                useCases.admin().addOrganization().handle(new AddOrganization.Command(admin, "Acme Corp", true));
        StaffActor agnes = StaffActor.of(person(admin, "agnes", "Agnes Agent", Role.AGENT, null, password));
        StaffActor arthur = StaffActor.of(person(admin, "arthur", "Arthur Agent", Role.AGENT, null, password));
        CustomerActor carla = customer(person(admin, "carla", "Carla Customer", Role.CUSTOMER, acme, password), acme);
        CustomerActor colin = customer(person(admin, "colin", "Colin Colleague", Role.CUSTOMER, acme, password), acme);
        CustomerActor oscar = customer(person(admin, "oscar", "Oscar Outsider", Role.CUSTOMER, null, password), null);

        ArticleId invoices = article(
                agnes,
                "Invoices explained",
                "Every invoice lists your company's VAT number and address as they stood on the invoice date. To change"
                        + " them, open a billing ticket; the next invoice carries the new details.",
                ArticleStatus.PUBLISHED,
                "billing");
        article(
                arthur,
                "Printer offline",
                "Check the printer cable, then restart the printer. If it still shows offline, remove it and add it"
                        + " again.",
                ArticleStatus.PUBLISHED,
                "printing");
        article(agnes, "Single sign-on (draft)", "How to connect your identity provider.", ArticleStatus.DRAFT, "sso");

        AttachmentId screenshot = upload(carla, "invoice-screenshot.png", DemoFiles.png());
        AttachmentId log = upload(carla, "portal.log", DemoFiles.text("09:12:01 GET /invoices/2026-03.pdf 200\n"));
        TicketId fresh = useCases.portal()
                .fileTicket()
                .handle(new FileTicket.Command(
                        carla,
                        new Subject("Invoice PDF shows the wrong VAT number"),
                        new Description("Our March invoice lists our old VAT number. Can you correct it?"),
                        new Category("billing"),
                        Priority.MEDIUM,
                        new PortalContext(
                                Optional.of("https://portal.demo.example/invoices"),
                                Optional.of("Firefox 128 on Linux"),
                                Optional.of(screenshot)),
                        Optional.empty(),
                        List.of(log),
                        Optional.of(invoices)))
                .id();
        useCases.desk()
                .addInternalNote()
                .handle(new AddInternalNote.Command(
                        agnes,
                        fresh,
                        new Body("The VAT number changed on 1 March; asking billing to regenerate the PDF."),
                        Via.API,
                        Optional.empty(),
                        List.of(upload(agnes, "billing-export.csv", DemoFiles.text("customer,vat\nAcme,DE123\n")))));

        TicketId working = file(
                colin,
                "CSV export times out for large projects",
                "technical",
                Priority.HIGH,
                "Exporting the Apollo project (about 40,000 rows) fails after a minute.");
        assign(agnes, working, agnes);
        reply(agnes, working, "Thanks Colin, I can reproduce it and I'm looking into it now.", false);
        note(agnes, working, "Export runs in the request thread; needs to move to a background job.");

        TicketId waiting = file(
                oscar,
                "Cannot reset my password",
                "question",
                Priority.URGENT,
                "The reset link says it has expired as soon as I click it.");
        reply(arthur, waiting, "Sorry about that! Which address do you sign in with, and which browser?", false);
        status(arthur, waiting, TicketStatus.WAITING_ON_CUSTOMER, "asked for the account email and browser");

        TicketId held = file(
                carla,
                "Dark mode for the portal",
                "feature",
                Priority.LOW,
                "Our team works late; a dark theme would be easier on the eyes.");
        reply(agnes, held, "Great idea, Carla. It's planned; I'll keep this open until it ships.", false);
        note(agnes, held, "Linked to the theming epic, target next quarter.");
        status(agnes, held, TicketStatus.ON_HOLD, "waiting for the theming release");

        TicketId solved = file(
                oscar,
                "Notifications arrive twice",
                "bug",
                Priority.MEDIUM,
                "Every reply notification email reaches me twice.");
        assign(arthur, solved, arthur);
        note(arthur, solved, "Two subscriptions for the same address; removed the duplicate.");
        reply(arthur, solved, "You had two identical subscriptions; I removed one. It should stop now.", true);
        status(arthur, solved, TicketStatus.RESOLVED, "duplicate subscription removed");

        TicketId done = file(
                colin,
                "Change the company address on invoices",
                "billing",
                Priority.MEDIUM,
                "We moved to 5 Harbour Street, Springfield.");
        reply(agnes, done, "Done: future invoices carry the new address.", true);
        status(agnes, done, TicketStatus.RESOLVED, "address updated");
        useCases.portal()
                .closeOwnTicket()
                .handle(new CloseOwnTicket.Command(colin, done, Optional.of("Thanks, all good"), Optional.empty()));
        feedback(oscar, solved, 5, "Quick and kind");
        feedback(colin, done, 4, "Fine, took a day");

        useCases.portal()
                .requestCallBack()
                .handle(new RequestCallBack.Command(
                        carla,
                        Optional.empty(),
                        Optional.of(fresh),
                        Optional.of(new PhoneNumber("+49 30 1234567")),
                        Optional.of(new CallNote("Easier to explain the VAT change on the phone."))));
        CallId oscarsCall = useCases.portal()
                .requestCallBack()
                .handle(new RequestCallBack.Command(
                        oscar,
                        Optional.of(clock.instant().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS)),
                        Optional.of(waiting),
                        Optional.of(new PhoneNumber("+44 20 7946 0000")),
                        Optional.empty()))
                .id();
        useCases.desk()
                .updateCall()
                .handle(new UpdateCall.Command(
                        agnes,
                        oscarsCall,
                        Optional.of(CallStatus.SCHEDULED),
                        Optional.of(new UpdateCall.Assignment(Optional.of(agnes.id()))),
                        Optional.empty(),
                        Optional.empty()));
    }

    private ArticleId article(StaffActor by, String title, String body, ArticleStatus status, String tag) {
        return useCases.desk()
                .createArticle()
                .handle(new CreateArticle.Command(
                        by, new ArticleTitle(title), new ArticleBody(body), status, ArticleTags.of(List.of(tag))))
                .id();
    }

    private AttachmentId upload(Actor by, String fileName, byte[] bytes) {
        return useCases.portal()
                .uploadAttachment()
                .handle(new UploadAttachment.Command(
                        by, max -> new IncomingFile.Received(Optional.of(fileName), new ByteArrayInputStream(bytes))))
                .id();
    }

    private void feedback(CustomerActor by, TicketId ticket, int rating, String comment) {
        useCases.portal()
                .giveFeedback()
                .handle(new GiveFeedback.Command(by, ticket, new Rating(rating), Optional.of(comment)));
    }

    private Person person(StaffActor admin, String who, String name, Role role, Organization org, String password) {
        return useCases.admin()
                .addPerson()
                .handle(new AddPerson.Command(
                        admin,
                        Email.of(who + "@demo.example"),
                        name,
                        role,
                        Optional.ofNullable(org).map(Organization::id),
                        Optional.of(new Password(password))));
    }

    private static CustomerActor customer(Person person, Organization org) {
        return CustomerActor.of(person, Optional.ofNullable(org));
    }

    private TicketId file(CustomerActor by, String subject, String category, Priority priority, String description) {
        return useCases.portal()
                .fileTicket()
                .handle(new FileTicket.Command(
                        by,
                        new Subject(subject),
                        new Description(description),
                        new Category(category),
                        priority,
                        PortalContext.NONE,
                        Optional.empty()))
                .id();
    }

    private void reply(StaffActor by, TicketId ticket, String body, boolean resolution) {
        useCases.desk()
                .replyToTicket()
                .handle(new ReplyToTicket.Command(by, ticket, new Body(body), Via.API, resolution, Optional.empty()));
    }

    private void note(StaffActor by, TicketId ticket, String body) {
        useCases.desk()
                .addInternalNote()
                .handle(new AddInternalNote.Command(by, ticket, new Body(body), Via.API, Optional.empty()));
    }

    private void assign(StaffActor by, TicketId ticket, StaffActor assignee) {
        useCases.desk()
                .assignTicket()
                .handle(new AssignTicket.Command(by, ticket, Optional.of(assignee.id()), Optional.empty()));
    }

    private void status(StaffActor by, TicketId ticket, TicketStatus to, String reason) {
        useCases.desk()
                .changeTicketStatus()
                .handle(new ChangeTicketStatus.Command(by, ticket, to, Optional.of(reason), Optional.empty()));
    }

    private static Optional<String> readPassword(Path file) {
        try {
            return Files.exists(file)
                    ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip())
                    : Optional.empty();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    private static String keptPassword(Path file) {
        Optional<String> kept = readPassword(file);
        if (kept.isPresent()) {
            return kept.get();
        }
        String password = "demo-" + randomWord(4) + "-" + randomWord(4);
        try {
            return PrivateFiles.createIfAbsent(file, password + "\n")
                    ? password
                    : readPassword(file).orElseThrow(); // another start kept one a moment ago
        } catch (IOException e) {
            throw new IllegalStateException("cannot keep the demo password in " + file, e);
        }
    }

    private static String randomWord(int length) {
        String alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder word = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            word.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return word.toString();
    }
}
