package org.supportdesk.bootstrap.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.supportdesk.adapter.http.OpenApiContract;
import org.supportdesk.adapter.http.auth.JwtTokens;
import org.supportdesk.adapter.persistence.JdbiStores;
import org.supportdesk.adapter.persistence.LocalPostgres;
import org.supportdesk.application.UseCases;
import org.supportdesk.application.access.IdentifyApiToken;
import org.supportdesk.application.admin.CreateApiToken;
import org.supportdesk.application.admin.CreateTenant;
import org.supportdesk.application.admin.PeopleList;
import org.supportdesk.application.admin.UpdatePerson;
import org.supportdesk.application.attachment.IncomingFile;
import org.supportdesk.application.attachment.UploadAttachment;
import org.supportdesk.application.call.RequestCallBack;
import org.supportdesk.application.conversation.AddInternalNote;
import org.supportdesk.application.conversation.ReplyToTicket;
import org.supportdesk.application.inbound.ConfigureEmailChannel;
import org.supportdesk.application.kb.CreateArticle;
import org.supportdesk.application.notify.WebhookChannel;
import org.supportdesk.application.telegram.ConfigureTelegram;
import org.supportdesk.application.ticket.AssignTicket;
import org.supportdesk.application.ticket.ChangeTicketStatus;
import org.supportdesk.application.ticket.DeleteTicket;
import org.supportdesk.application.ticket.EscalateTicket;
import org.supportdesk.application.ticket.FileTicket;
import org.supportdesk.application.ticket.MergeTicket;
import org.supportdesk.application.ticket.UpdateTicket;
import org.supportdesk.application.webhook.CreateWebhook;
import org.supportdesk.bootstrap.ChannelSettings;
import org.supportdesk.bootstrap.Config;
import org.supportdesk.bootstrap.FakeBotApi;
import org.supportdesk.bootstrap.NotifySettings;
import org.supportdesk.bootstrap.Password4jHashing;
import org.supportdesk.bootstrap.Supportdesk;
import org.supportdesk.domain.call.CallId;
import org.supportdesk.domain.kb.ArticleBody;
import org.supportdesk.domain.kb.ArticleId;
import org.supportdesk.domain.kb.ArticleStatus;
import org.supportdesk.domain.kb.ArticleTags;
import org.supportdesk.domain.kb.ArticleTitle;
import org.supportdesk.domain.notify.Delivery;
import org.supportdesk.domain.port.Notification;
import org.supportdesk.domain.port.NotificationId;
import org.supportdesk.domain.port.NotificationIntent;
import org.supportdesk.domain.tenant.Category;
import org.supportdesk.domain.tenant.CustomerActor;
import org.supportdesk.domain.tenant.Email;
import org.supportdesk.domain.tenant.Organization;
import org.supportdesk.domain.tenant.OrganizationId;
import org.supportdesk.domain.tenant.Password;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.TenantSlug;
import org.supportdesk.domain.tenant.UserId;
import org.supportdesk.domain.ticket.AttachmentId;
import org.supportdesk.domain.ticket.Body;
import org.supportdesk.domain.ticket.CustomFields;
import org.supportdesk.domain.ticket.Description;
import org.supportdesk.domain.ticket.MessageId;
import org.supportdesk.domain.ticket.PortalContext;
import org.supportdesk.domain.ticket.Priority;
import org.supportdesk.domain.ticket.Subject;
import org.supportdesk.domain.ticket.Tags;
import org.supportdesk.domain.ticket.TicketId;
import org.supportdesk.domain.ticket.TicketStatus;
import org.supportdesk.domain.ticket.Via;
import org.supportdesk.domain.visibility.AttachmentView;

/**
 * The world the access matrix runs in: the real server over a throwaway PostgreSQL, two tenants (acme, the home one,
 * and globex), the people and objects every cell needs, a bearer per principal, and a plain HTTP client. Objects are
 * made through the use cases and stores, not over HTTP, so that the matrix stays fast.
 */
final class MatrixWorld implements AutoCloseable {
    static final String SECRET = "access-matrix-secret-that-is-long-enough!";
    static final String ADMIN_PASSWORD = "acme-admin-password";

    /** Staff-only data seeded on customer A's ticket; none of it may ever reach a customer. */
    static final String NOTE_MARKER = "note-marker-" + UUID.randomUUID();

    static final String SECRET_TAG =
            "secret-tag-" + UUID.randomUUID().toString().substring(0, 8);
    static final String ESCALATION_MARKER = "escalation-marker-" + UUID.randomUUID();
    static final String CUSTOM_FIELD_MARKER = "custom-field-marker-" + UUID.randomUUID();
    static final String PUBLIC_REPLY = "We are looking into it.";

    private static final ObjectMapper JSON = new ObjectMapper();

    final LocalPostgres cluster;
    final Config config;
    final Supportdesk desk;
    final JdbiStores stores;
    final UseCases useCases;
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicInteger sequence = new AtomicInteger();

    final TenantId acme;
    final TenantId globex;
    final Person acmeAdmin;
    final Person agent;
    final Person customerA;
    final Person customerB;
    final Person orgMate;
    final Person deactivated;
    /** Objects of the person and organisation routes: one of each per tenant. */
    final Person acmeCustomerObject;

    final Person acmeStaffObject;
    final Organization acmeOrganizationObject;
    final Person globexAdmin;
    final Person globexCustomer;
    final Person globexStaffObject;
    final Organization globexOrganizationObject;
    final Organization acmeCorp;

    /** The shared tickets of the read-only routes: A's (seeded with staff-only data), B's, and one of globex. */
    final TicketId ticketOfA;

    final TicketId ticketOfB;
    final TicketId globexTicket;

    /** The attachments of the download routes: on A's public reply and internal note, on B's reply, and globex's. */
    final AttachmentId fileOnAsPublicReply;

    final AttachmentId fileOnAsInternalNote;
    final AttachmentId fileOnBsPublicReply;
    final AttachmentId globexFile;
    /** The published articles of the reading routes: one per tenant. */
    final ArticleId acmeArticle;

    final ArticleId globexArticle;

    /** The call-back requests of the reading routes: one per tenant. */
    final CallId acmeCall;

    final CallId globexCall;

    final Map<AccessMatrixTest.Principal, Optional<String>> bearers = new EnumMap<>(AccessMatrixTest.Principal.class);

    /** The Bot API the Telegram routes reach, and the bots of both tenants it knows. */
    final FakeBotApi telegram = new FakeBotApi();

    static final String ACME_BOT_TOKEN = "700001:MatrixAcmeBotTokenAAAAAAAAAAAAAAAAAA";
    static final String GLOBEX_BOT_TOKEN = "700002:MatrixGlobexBotTokenBBBBBBBBBBBBBBBB";

    MatrixWorld(Path dataDir) {
        cluster = LocalPostgres.startThrowaway();
        try {
            config = Config.from(
                    Map.of(
                            Config.DB_URL,
                            cluster.jdbcUrl(),
                            Config.DB_USER,
                            cluster.user(),
                            Config.DB_PASSWORD,
                            cluster.password(),
                            Config.HOST,
                            "127.0.0.1",
                            Config.PORT,
                            "0",
                            Config.JWT_SECRET,
                            SECRET,
                            Config.DATA_DIR,
                            dataDir.toString(),
                            // The matrix sends over a thousand requests from one address, most without a valid
                            // sign-in; it checks who may do what, so the per-address rate limit must not answer first.
                            Config.RATE_LIMIT_PER_ADDRESS,
                            "1000000",
                            // Webhook cells subscribe a loopback URL nothing listens on.
                            NotifySettings.ALLOW_PRIVATE_TARGETS,
                            "true",
                            ChannelSettings.TELEGRAM_API_URL,
                            telegram.url()),
                    Optional.empty());
            desk = Supportdesk.start(config);
        } catch (RuntimeException e) {
            cluster.close();
            telegram.close();
            throw e;
        }
        stores = desk.stores();
        useCases = desk.useCases();

        acme = tenant("acme-matrix", "Acme");
        globex = tenant("globex-matrix", "Globex");
        acmeAdmin = person(acme, "admin@acme.example", "Ada Admin", Role.ADMIN, null);
        stores.transactions().inTransaction(acme, () -> {
            stores.people()
                    .addWithPassword(
                            acmeAdmin, Optional.of(new Password4jHashing().hash(new Password(ADMIN_PASSWORD))));
            return null;
        });
        acmeCorp = organization(acme, "Acme Corp", true);
        acmeOrganizationObject = organization(acme, "Acme Spare Org", false);
        agent = add(person(acme, "agnes@acme.example", "Agnes Agent", Role.AGENT, null));
        deactivated = add(person(acme, "dee@acme.example", "Dee Departed", Role.AGENT, null));
        customerA = add(person(acme, "carla@acme.example", "Carla Customer", Role.CUSTOMER, acmeCorp));
        orgMate = add(person(acme, "colin@acme.example", "Colin Colleague", Role.CUSTOMER, acmeCorp));
        customerB = add(person(acme, "oscar@acme.example", "Oscar Outsider", Role.CUSTOMER, null));
        acmeCustomerObject = add(person(acme, "pat@acme.example", "Pat Patchable", Role.CUSTOMER, null));
        acmeStaffObject = add(person(acme, "sam@acme.example", "Sam Staff", Role.AGENT, null));

        globexAdmin = add(person(globex, "admin@globex.example", "Gail Admin", Role.ADMIN, null));
        globexOrganizationObject = organization(globex, "Globex Corp", true);
        globexCustomer =
                add(person(globex, "gina@globex.example", "Gina Globex", Role.CUSTOMER, globexOrganizationObject));
        globexStaffObject = add(person(globex, "gus@globex.example", "Gus Globex", Role.AGENT, null));

        ticketOfA = seededTicketOfA();
        ticketOfB = fileAs(customerB);
        globexTicket = fileAs(globexCustomer);
        fileOnAsPublicReply = attachedTo(acme, ticketOfA, false, "reply-of-a.txt");
        fileOnAsInternalNote = attachedTo(acme, ticketOfA, true, "internal-" + NOTE_MARKER + ".txt");
        fileOnBsPublicReply = attachedTo(acme, ticketOfB, false, "reply-of-b.txt");
        globexFile = attachedTo(globex, globexTicket, false, "globex.txt");
        acmeArticle = publishedArticle(acme);
        globexArticle = publishedArticle(globex);
        acmeCall = callFor(acme);
        globexCall = callFor(globex);
        telegramBot(acmeAdmin, ACME_BOT_TOKEN);
        telegramBot(globexAdmin, GLOBEX_BOT_TOKEN);
        emailChannel(acme);
        emailChannel(globex);
        bearers();
    }

    // ---- principals -------------------------------------------------------------------------------------------

    private void bearers() {
        JwtTokens signer = new JwtTokens(config.jwtSettings(), Clock.systemUTC());
        bearers.put(AccessMatrixTest.Principal.ANONYMOUS, Optional.empty());
        bearers.put(AccessMatrixTest.Principal.CUSTOMER_A, Optional.of(jwt(signer, customerA)));
        bearers.put(AccessMatrixTest.Principal.CUSTOMER_B, Optional.of(jwt(signer, customerB)));
        bearers.put(AccessMatrixTest.Principal.ORG_MATE, Optional.of(jwt(signer, orgMate)));
        bearers.put(AccessMatrixTest.Principal.AGENT, Optional.of(jwt(signer, agent)));
        bearers.put(AccessMatrixTest.Principal.ADMIN, Optional.of(jwt(signer, acmeAdmin)));
        bearers.put(AccessMatrixTest.Principal.OTHER_TENANT_ADMIN, Optional.of(jwt(signer, globexAdmin)));
        bearers.put(AccessMatrixTest.Principal.API_TOKEN, Optional.of(apiTokenFromTheAdmin()));

        // A valid token of an agent who is deactivated afterwards.
        bearers.put(AccessMatrixTest.Principal.DEACTIVATED, Optional.of(jwt(signer, deactivated)));
        useCases.admin()
                .updatePerson()
                .handle(new UpdatePerson.Command(
                        StaffActor.of(acmeAdmin),
                        PeopleList.STAFF,
                        deactivated.id(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(false)));

        // The admin's claims, but expired, unsigned, or signed with another key.
        Duration lifetime = config.jwtSettings().lifetime();
        JwtTokens past = new JwtTokens(
                config.jwtSettings(),
                InstantSource.fixed(Instant.now().minus(lifetime).minus(Duration.ofHours(1))));
        bearers.put(AccessMatrixTest.Principal.EXPIRED, Optional.of(jwt(past, acmeAdmin)));
        bearers.put(AccessMatrixTest.Principal.ALG_NONE, Optional.of(unsigned(acmeAdmin)));
        JwtTokens otherKey = new JwtTokens(
                Config.from(Map.of(Config.JWT_SECRET, "another-secret-that-is-also-long-enough!!"), Optional.empty())
                        .jwtSettings(),
                Clock.systemUTC());
        bearers.put(AccessMatrixTest.Principal.WRONG_KEY, Optional.of(jwt(otherKey, acmeAdmin)));
    }

    private static String jwt(JwtTokens signer, Person person) {
        return signer.issue(person.tenant(), person.id(), person.role()).token();
    }

    /** An integration token, made as an integrator would: the admin asks for one over HTTP. */
    private String apiTokenFromTheAdmin() {
        Reply created = send(
                bearers.get(AccessMatrixTest.Principal.ADMIN),
                "POST",
                "/api/v1/api-tokens",
                "{\"name\":\"matrix integration\",\"role\":\"agent\"}");
        if (created.status() != 201) {
            throw new IllegalStateException("cannot create the integration token: " + created);
        }
        return created.json().get("token").asText();
    }

    /** {@code alg: none}: the admin's valid claims with no signature at all. */
    private String unsigned(Person person) {
        long now = Instant.now().getEpochSecond();
        ObjectNode header = JSON.createObjectNode().put("alg", "none").put("typ", "JWT");
        ObjectNode claims = JSON.createObjectNode()
                .put("sub", person.id().toString())
                .put("tid", person.tenant().toString())
                .put("role", "admin")
                .put("iss", config.jwtSettings().issuer())
                .put("aud", config.jwtSettings().audience())
                .put("iat", now)
                .put("nbf", now)
                .put("exp", now + 3600)
                .put("jti", UUID.randomUUID().toString());
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString(header.toString().getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8)) + ".";
    }

    // ---- objects ---------------------------------------------------------------------------------------------

    private TenantId tenant(String slug, String name) {
        return useCases.createTenant()
                .handle(new CreateTenant.Command(Optional.empty(), new TenantSlug(slug), name, Optional.empty()))
                .tenant();
    }

    private static Person person(TenantId tenant, String email, String name, Role role, Organization organization) {
        return new Person(
                new UserId(UUID.randomUUID()),
                tenant,
                Email.of(email),
                name,
                role,
                Optional.ofNullable(organization).map(Organization::id),
                true);
    }

    /** A customer of {@code tenant} made for one cell, which may erase them. */
    Person freshCustomer(TenantId tenant) {
        return add(
                person(tenant, "fresh-" + UUID.randomUUID() + "@example.org", "Fresh Customer", Role.CUSTOMER, null));
    }

    private Person add(Person person) {
        stores.transactions().inTransaction(person.tenant(), () -> {
            stores.people().addWithPassword(person, Optional.empty());
            return null;
        });
        return person;
    }

    private Organization organization(TenantId tenant, String name, boolean shared) {
        Organization organization = new Organization(new OrganizationId(UUID.randomUUID()), tenant, name, shared);
        stores.transactions().inTransaction(tenant, () -> {
            stores.people().addOrganization(organization);
            return null;
        });
        return organization;
    }

    CustomerActor customerActor(Person customer) {
        Optional<Organization> organization = customer.organization()
                .map(id -> id.equals(acmeCorp.id())
                        ? acmeCorp
                        : id.equals(globexOrganizationObject.id()) ? globexOrganizationObject : null);
        return CustomerActor.of(customer, organization);
    }

    /** A new open ticket filed on the portal by {@code customer}. */
    TicketId fileAs(Person customer) {
        return useCases.portal()
                .fileTicket()
                .handle(new FileTicket.Command(
                        customerActor(customer),
                        new Subject("Matrix ticket " + sequence.incrementAndGet()),
                        new Description("Filed for the access matrix"),
                        new Category("question"),
                        Priority.MEDIUM,
                        PortalContext.NONE,
                        Optional.empty()))
                .id();
    }

    /** The staff member who works tickets of {@code tenant} in these set-ups. */
    StaffActor staffOf(TenantId tenant) {
        return StaffActor.of(tenant.equals(acme) ? acmeAdmin : globexAdmin);
    }

    /** An active agent a principal of acme (or of globex) may assign tickets of its tenant to. */
    UUID assigneeFor(boolean acmeSide) {
        return (acmeSide ? agent : globexStaffObject).id().value();
    }

    /** A text file uploaded by the tenant's staff member and posted with a public reply or an internal note. */
    private AttachmentId attachedTo(TenantId tenant, TicketId ticket, boolean internal, String name) {
        StaffActor staff = staffOf(tenant);
        AttachmentView upload = useCases.desk()
                .uploadAttachment()
                .handle(new UploadAttachment.Command(
                        staff,
                        limit -> new IncomingFile.Received(
                                Optional.of(name),
                                new ByteArrayInputStream(
                                        ("A file for the access matrix: " + name).getBytes(StandardCharsets.UTF_8)))));
        if (internal) {
            useCases.desk()
                    .addInternalNote()
                    .handle(new AddInternalNote.Command(
                            staff, ticket, new Body("See the file"), Via.API, Optional.empty(), List.of(upload.id())));
        } else {
            useCases.desk()
                    .replyToTicket()
                    .handle(new ReplyToTicket.Command(
                            staff,
                            ticket,
                            new Body("Here is the file"),
                            Via.API,
                            false,
                            Optional.empty(),
                            List.of(upload.id())));
        }
        return upload.id();
    }

    /** A fresh upload of the multipart body the upload routes send, for their cells. */
    static final String UPLOAD_BOUNDARY = "matrix-boundary-7d3f";

    static String multipartTextFile() {
        return "--" + UPLOAD_BOUNDARY + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"matrix.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n"
                + "Uploaded by the access matrix\r\n"
                + "--" + UPLOAD_BOUNDARY + "--\r\n";
    }

    void delete(TenantId tenant, TicketId ticket) {
        useCases.desk().deleteTicket().handle(new DeleteTicket.Command(staffOf(tenant), ticket, Optional.empty()));
    }

    void escalate(TenantId tenant, TicketId ticket, String reason) {
        useCases.desk()
                .escalateTicket()
                .handle(new EscalateTicket.Command(staffOf(tenant), ticket, reason, Optional.empty()));
    }

    /** The message of the last ticket prepared with a reply ({@link #reply}), which a split cell names. */
    volatile MessageId lastReply;

    /** A public staff reply on {@code ticket}, remembered as {@link #lastReply}. */
    void reply(TenantId tenant, TicketId ticket) {
        lastReply = useCases.desk()
                .replyToTicket()
                .handle(new ReplyToTicket.Command(
                        staffOf(tenant), ticket, new Body("A reply to split off"), Via.API, false, Optional.empty()))
                .message()
                .id();
    }

    /** The partner of the last ticket prepared in a pair, which a merge cell merges it into. */
    volatile TicketId lastPartner;

    /** {@code ticket} merged into {@code into}, by the tenant's staff. */
    void merge(TenantId tenant, TicketId ticket, TicketId into) {
        useCases.desk()
                .mergeTicket()
                .handle(new MergeTicket.Command(staffOf(tenant), ticket, into, false, Optional.empty()));
    }

    void resolve(TenantId tenant, TicketId ticket) {
        useCases.desk()
                .changeTicketStatus()
                .handle(new ChangeTicketStatus.Command(
                        staffOf(tenant), ticket, TicketStatus.RESOLVED, Optional.empty(), Optional.empty()));
    }

    /** The published article of {@code tenant} that the reading routes share. */
    ArticleId sharedArticle(TenantId tenant) {
        return tenant.equals(acme) ? acmeArticle : globexArticle;
    }

    /** A new published article of {@code tenant}, for one cell to change or delete. */
    ArticleId publishedArticle(TenantId tenant) {
        return useCases.desk()
                .createArticle()
                .handle(new CreateArticle.Command(
                        staffOf(tenant),
                        new ArticleTitle("Matrix article " + next()),
                        new ArticleBody("How the matrix works."),
                        ArticleStatus.PUBLISHED,
                        ArticleTags.NONE))
                .id();
    }

    /** The call-back request of {@code tenant} that the reading routes share. */
    CallId sharedCall(TenantId tenant) {
        return tenant.equals(acme) ? acmeCall : globexCall;
    }

    /**
     * A new unread notification for one cell: the caller's own for {@code OWN} (an acme agent's for a caller who is
     * nobody of acme), customer B's for {@code OTHER_CUSTOMERS}, a globex customer's for {@code OTHER_TENANT}.
     */
    UUID notificationFor(AccessMatrixTest.Principal principal, AccessMatrixTest.Target target) {
        boolean ofAcme = target.ofAcme();
        TenantId tenant = ofAcme ? acme : globex;
        UserId recipient =
                switch (target) {
                    case OWN -> switch (principal) {
                        case CUSTOMER_A -> customerA.id();
                        case CUSTOMER_B -> customerB.id();
                        case ORG_MATE -> orgMate.id();
                        case ADMIN -> acmeAdmin.id();
                        case API_TOKEN -> useCases.access()
                                .identifyApiToken()
                                .handle(new IdentifyApiToken.Command(
                                        bearers.get(principal).orElseThrow()))
                                .orElseThrow()
                                .id();
                        default -> agent.id();
                    };
                    case OTHER_CUSTOMERS -> customerB.id();
                    default -> globexCustomer.id();
                };
        Notification notification = new Notification(
                new NotificationId(UUID.randomUUID()),
                tenant,
                recipient,
                NotificationIntent.NotificationTopic.STATUS_CHANGED,
                Optional.empty(),
                Optional.empty(),
                Optional.of(sharedCall(tenant)),
                "Matrix notification",
                Instant.now(),
                Optional.empty());
        stores.transactions().inTransaction(tenant, () -> {
            stores.notifications().add(tenant, List.of(notification));
            return null;
        });
        return notification.id().value();
    }

    /** A new call-back request in {@code tenant}, asked for now by its customer, for one cell to change. */
    CallId callFor(TenantId tenant) {
        return useCases.portal()
                .requestCallBack()
                .handle(new RequestCallBack.Command(
                        customerActor(tenant.equals(acme) ? customerA : globexCustomer),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()))
                .id();
    }

    /** Configures the tenant's email channel, so its admin routes answer as for a configured tenant. */
    private void emailChannel(TenantId tenant) {
        useCases.emailIn()
                .configureChannel()
                .handle(new ConfigureEmailChannel.Command(staffOf(tenant), "support@matrix.example", Optional.empty()));
    }

    /** A new webhook subscription of {@code tenant} (to a loopback port nothing listens on). */
    UUID webhook(TenantId tenant) {
        return useCases.channels()
                .createWebhook()
                .handle(new CreateWebhook.Command(
                        staffOf(tenant), "http://127.0.0.1:9/matrix-" + next(), List.of("*"), "matrix"))
                .webhook()
                .id();
    }

    /** A new outbox delivery of {@code tenant}, to a subscription of its own. */
    UUID delivery(TenantId tenant) {
        String webhook = webhook(tenant).toString();
        UUID id = UUID.randomUUID();
        stores.transactions().inTransaction(tenant, () -> {
            stores.deliveries()
                    .add(Delivery.owed(
                            id,
                            tenant,
                            UUID.randomUUID(),
                            WebhookChannel.NAME,
                            webhook,
                            "ticket_created",
                            "msg_matrix_" + id,
                            "{}",
                            Instant.now().truncatedTo(ChronoUnit.MICROS)));
            return null;
        });
        return id;
    }

    /** A new integration token of {@code tenant}, to be revoked by one cell. */
    UUID apiToken(TenantId tenant) {
        CreateApiToken.Created created = useCases.admin()
                .createApiToken()
                .handle(new CreateApiToken.Command(staffOf(tenant), "revocable " + next(), Role.AGENT));
        return created.token().id().value();
    }

    /**
     * Customer A's ticket carrying everything a customer must never see: an internal note with a unique marker, tags,
     * custom fields, an assignment and an escalation; and one public staff reply, which A must see.
     */
    private TicketId seededTicketOfA() {
        TicketId ticket = fileAs(customerA);
        StaffActor agnes = StaffActor.of(agent);
        useCases.desk()
                .replyToTicket()
                .handle(new ReplyToTicket.Command(
                        agnes, ticket, new Body(PUBLIC_REPLY), Via.API, false, Optional.empty()));
        useCases.desk()
                .addInternalNote()
                .handle(new AddInternalNote.Command(
                        agnes, ticket, new Body("Internal: " + NOTE_MARKER), Via.API, Optional.empty()));
        useCases.desk()
                .updateTicket()
                .handle(new UpdateTicket.Command(
                        agnes,
                        ticket,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(Tags.of(List.of(SECRET_TAG))),
                        Optional.of(new CustomFields("{\"contract\":\"" + CUSTOM_FIELD_MARKER + "\"}")),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()));
        useCases.desk()
                .assignTicket()
                .handle(new AssignTicket.Command(agnes, ticket, Optional.of(agent.id()), Optional.empty()));
        escalate(acme, ticket, "Angry customer " + ESCALATION_MARKER);
        return ticket;
    }

    int next() {
        return sequence.incrementAndGet();
    }

    // ---- HTTP ------------------------------------------------------------------------------------------------

    /** What the server answered. */
    record Reply(int status, String body, String contentType) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }
    }

    /**
     * How acme is named in a hook's path: Telegram's hook (registered with Telegram) by the tenant's id, the mail hook
     * (typed into a mail server's configuration) by its slug.
     */
    String tenantInPath(String path) {
        return path.contains("/inbound/email/") ? "acme-matrix" : acme.value().toString();
    }

    Reply send(Optional<String> bearer, String method, String path, String body) {
        return send(bearer, method, path, body, "application/json");
    }

    /** A request whose body (if any) is of {@code contentType}. */
    Reply send(Optional<String> bearer, String method, String path, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + desk.port() + path))
                .timeout(Duration.ofSeconds(15))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        bearer.ifPresent(token -> request.header("Authorization", "Bearer " + token));
        request.header("Accept", "application/json, text/event-stream");
        try {
            HttpResponse<InputStream> response =
                    client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            String answeredType = response.headers().firstValue("Content-Type").orElse("");
            String text = answeredType.startsWith("text/event-stream")
                    ? firstEvent(response.body())
                    : new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
            // every answer, as docs/api/openapi.yaml declares it
            OpenApiContract.check(method, path, response.statusCode(), answeredType, text);
            return new Reply(response.statusCode(), text, answeredType);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path, e);
        }
    }

    /** Connects the admin's tenant to a bot the fake Bot API knows. */
    private void telegramBot(Person admin, String token) {
        telegram.knowToken(token);
        useCases.channels().configureTelegram().handle(new ConfigureTelegram.Command(StaffActor.of(admin), token));
    }

    /** An event stream never ends by itself: its first line (an event's or a comment) stands for its body. */
    private static String firstEvent(InputStream stream) throws IOException {
        try (stream) {
            StringBuilder text = new StringBuilder();
            for (int next = stream.read(); next >= 0; next = stream.read()) {
                text.append((char) next);
                if (next == '\n') {
                    break;
                }
            }
            return text.toString();
        }
    }

    @Override
    public void close() {
        try {
            desk.close();
        } finally {
            cluster.close();
            telegram.close();
        }
    }
}
