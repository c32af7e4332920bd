package org.supportdesk.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.adapter.http.auth.AccessRole.ADMIN;
import static org.supportdesk.adapter.http.auth.AccessRole.ANYONE;
import static org.supportdesk.adapter.http.auth.AccessRole.CUSTOMER;
import static org.supportdesk.adapter.http.auth.AccessRole.STAFF;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.supportdesk.adapter.http.auth.AccessRole;
import org.supportdesk.bootstrap.Supportdesk;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.ticket.TicketId;

/**
 * The access matrix (§8, §12, §17 "Who gets which status"), generated from the routes the running server registered:
 * every route × every principal × every kind of object, over real HTTP against the real server and PostgreSQL. A
 * registered route without an entry in {@link #TABLE} fails, and so does an entry for a route that is gone. The
 * expected status of every cell comes from one function, {@link #expected}. Every JSON body a customer receives is
 * walked for staff-only data.
 */
@Timeout(170)
class AccessMatrixTest {

    /** Who calls. {@code kind} is null for a bearer that must not sign anyone in. */
    enum Principal {
        ANONYMOUS("anon", null, true),
        CUSTOMER_A("custA", Kind.CUSTOMER, true),
        CUSTOMER_B("custB", Kind.CUSTOMER, true),
        ORG_MATE("orgMate", Kind.CUSTOMER, true),
        AGENT("agent", Kind.AGENT, true),
        ADMIN("admin", Kind.ADMIN, true),
        API_TOKEN("apiTok", Kind.AGENT, true),
        OTHER_TENANT_ADMIN("t2Admin", Kind.ADMIN, false),
        DEACTIVATED("deact", null, true),
        EXPIRED("expired", null, true),
        ALG_NONE("algNone", null, true),
        WRONG_KEY("wrongKey", null, true);

        final String label;
        final Kind kind;
        /** Of acme, the tenant the {@code OWN} and {@code OTHER_CUSTOMERS} objects belong to (else of globex). */
        final boolean acme;

        Principal(String label, Kind kind, boolean acme) {
            this.label = label;
            this.kind = kind;
            this.acme = acme;
        }

        boolean signsIn() {
            return kind != null;
        }
    }

    enum Kind {
        CUSTOMER,
        AGENT,
        ADMIN
    }

    /** Which object a route's {@code {id}} names; relative to acme, the home tenant. */
    enum Target {
        /** The route has no {@code {id}}. */
        NONE("-"),
        /** Customer A's ticket on ticket routes; an object of acme on the others. */
        OWN("own"),
        /** Customer B's ticket (acme). */
        OTHER_CUSTOMERS("B's"),
        /** An object of globex. */
        OTHER_TENANT("tenant2"),
        /** A random UUID. */
        NONEXISTENT("missing"),
        /** The attachment of an internal note on customer A's ticket (acme). */
        INTERNAL_NOTE("note");

        final String label;

        Target(String label) {
            this.label = label;
        }

        boolean ofAcme() {
            return this == OWN || this == OTHER_CUSTOMERS || this == INTERNAL_NOTE;
        }
    }

    /** What a route's {@code {id}} is. */
    enum Subject {
        NONE,
        TICKET,
        CUSTOMER,
        STAFF_MEMBER,
        ORGANIZATION,
        API_TOKEN,
        /** A file on A's public reply (own), B's (B's), A's internal note, globex's, or none. */
        ATTACHMENT,
        /** A knowledge-base article; the shared ones are published. */
        ARTICLE,
        /** A call-back request. */
        CALL,
        /**
         * An in-app notification: the caller's own (own), customer B's (B's), one of globex's, or none. Only its
         * recipient finds it.
         */
        NOTIFICATION,
        /** A webhook subscription. */
        WEBHOOK,
        /** An outbox delivery. */
        DELIVERY;

        List<Target> targets() {
            return switch (this) {
                case NONE -> List.of(Target.NONE);
                case TICKET, NOTIFICATION -> List.of(
                        Target.OWN, Target.OTHER_CUSTOMERS, Target.OTHER_TENANT, Target.NONEXISTENT);
                case ATTACHMENT -> List.of(
                        Target.OWN,
                        Target.OTHER_CUSTOMERS,
                        Target.INTERNAL_NOTE,
                        Target.OTHER_TENANT,
                        Target.NONEXISTENT);
                default -> List.of(Target.OWN, Target.OTHER_TENANT, Target.NONEXISTENT);
            };
        }
    }

    /** How a cell gets its object: a shared one for routes that change nothing, a fresh one for each cell otherwise. */
    enum Prepare {
        SHARED,
        FRESH,
        FRESH_DELETED,
        FRESH_ESCALATED,
        FRESH_RESOLVED,
        /** A new ticket with one public staff reply ({@link MatrixWorld#lastReply}). */
        FRESH_REPLIED,
        /** A new ticket and another of the same requester ({@link MatrixWorld#lastPartner}), to merge it into. */
        FRESH_PAIRED,
        /** A new ticket merged into another of the same requester. */
        FRESH_MERGED
    }

    /** The request body of a cell. */
    @FunctionalInterface
    interface BodyOf {
        String of(MatrixWorld world, Principal principal);
    }

    /** How to exercise one route so that an admitted caller really gets {@code success}. */
    record Entry(
            String method,
            String path,
            AccessRole role,
            int success,
            Subject subject,
            Prepare prepare,
            boolean requesterOnly,
            BodyOf body,
            String contentType) {
        String key() {
            return method + " " + path;
        }

        Entry on(Subject subject, Prepare prepare) {
            return new Entry(method, path, role, success, subject, prepare, requesterOnly, body, contentType);
        }

        Entry body(BodyOf body) {
            return new Entry(method, path, role, success, subject, prepare, requesterOnly, body, contentType);
        }

        /** One text file as {@code multipart/form-data}, as the upload routes take it. */
        Entry multipartFile() {
            return new Entry(
                    method,
                    path,
                    role,
                    success,
                    subject,
                    prepare,
                    requesterOnly,
                    (world, who) -> MatrixWorld.multipartTextFile(),
                    "multipart/form-data; boundary=" + MatrixWorld.UPLOAD_BOUNDARY);
        }

        Entry body(String json) {
            return body((world, principal) -> json);
        }

        /** Only the requester may (close, confirm, rate); an organisation-mate gets 403. */
        Entry onlyTheRequester() {
            return new Entry(method, path, role, success, subject, prepare, true, body, contentType);
        }
    }

    private static Entry route(String route, AccessRole role, int success) {
        String[] parts = route.split(" ", 2);
        return new Entry(
                parts[0], parts[1], role, success, Subject.NONE, Prepare.SHARED, false, null, "application/json");
    }

    // ---- The rule book: the expected status of every cell ------------------------------------------------------

    static int expected(Entry route, Principal who, Target what) {
        if (route.role() == ANYONE) {
            return route.success(); // sign-in ignores any bearer; the mail hook takes none of them
        }
        if (!who.signsIn()) {
            return 401; // no token, or an expired, unsigned, foreign-key or deactivated user's token
        }
        if (!admits(route.role(), who.kind)) {
            return 403; // a valid token without the role the route needs
        }
        if (what == Target.NONE) {
            return route.success();
        }
        if (what == Target.NONEXISTENT || what.ofAcme() != who.acme) {
            return 404; // nonexistent, or another tenant's object
        }
        if (route.subject() == Subject.NOTIFICATION) {
            // Only its recipient finds a notification; anyone else's is exactly like a missing one.
            return what == Target.OWN || (what == Target.OTHER_CUSTOMERS && who == Principal.CUSTOMER_B)
                    ? route.success()
                    : 404;
        }
        if (who.kind == Kind.CUSTOMER && route.subject() == Subject.ATTACHMENT && what == Target.INTERNAL_NOTE) {
            return 404; // an internal note's file, exactly like a missing one
        }
        if (who.kind == Kind.CUSTOMER && (route.subject() == Subject.TICKET || route.subject() == Subject.ATTACHMENT)) {
            if (requests(who, what)) {
                return route.success();
            }
            if (sharesOrganisationOf(who, what)) {
                return route.requesterOnly() ? 403 : route.success(); // read and reply, not close
            }
            return 404; // another customer's ticket
        }
        return route.success();
    }

    private static boolean admits(AccessRole role, Kind kind) {
        return switch (role) {
            case ANYONE -> true;
            case CUSTOMER -> kind == Kind.CUSTOMER;
            case STAFF -> kind == Kind.AGENT || kind == Kind.ADMIN;
            case ADMIN -> kind == Kind.ADMIN;
        };
    }

    private static boolean requests(Principal who, Target ticket) {
        return (who == Principal.CUSTOMER_A && ticket == Target.OWN)
                || (who == Principal.CUSTOMER_B && ticket == Target.OTHER_CUSTOMERS);
    }

    /** Acme Corp shares tickets; A and the org-mate are in it, B is not. */
    private static boolean sharesOrganisationOf(Principal who, Target ticket) {
        return who == Principal.ORG_MATE && ticket == Target.OWN;
    }

    // ---- The table: how to exercise every route --------------------------------------------------------------

    private static final String SLA_POLICY = "{\"targets\":{"
            + "\"urgent\":{\"first_response_minutes\":60,\"resolution_minutes\":240},"
            + "\"high\":{\"first_response_minutes\":240,\"resolution_minutes\":1440},"
            + "\"medium\":{\"first_response_minutes\":480,\"resolution_minutes\":4320},"
            + "\"low\":{\"first_response_minutes\":1440,\"resolution_minutes\":7200}}}";

    static final List<Entry> TABLE = List.of(
            // sign-in
            route("POST /api/v1/auth/login", ANYONE, 200)
                    .body("{\"tenant\":\"acme-matrix\",\"email\":\"admin@acme.example\",\"password\":\""
                            + MatrixWorld.ADMIN_PASSWORD + "\"}"),
            route("POST /api/v1/auth/session", ANYONE, 200)
                    .body("{\"tenant\":\"acme-matrix\",\"email\":\"admin@acme.example\",\"password\":\""
                            + MatrixWorld.ADMIN_PASSWORD + "\"}"),
            // A bearer is not a browser session: only the cookie signs a page in (PagesFoundationTest).
            route("GET /api/v1/auth/session", ANYONE, 401),
            route("DELETE /api/v1/auth/session", ANYONE, 204),
            // customer portal
            route("GET /api/v1/portal/me", CUSTOMER, 200),
            route("GET /api/v1/portal/categories", CUSTOMER, 200),
            route("GET /api/v1/portal/tickets", CUSTOMER, 200),
            route("POST /api/v1/portal/tickets", CUSTOMER, 201)
                    .body("{\"subject\":\"Filed by the matrix\",\"description\":\"Portal filing\","
                            + "\"category\":\"question\",\"priority\":\"low\"}"),
            route("GET /api/v1/portal/tickets/{id}", CUSTOMER, 200).on(Subject.TICKET, Prepare.SHARED),
            route("GET /api/v1/portal/tickets/{id}/messages", CUSTOMER, 200).on(Subject.TICKET, Prepare.SHARED),
            route("POST /api/v1/portal/tickets/{id}/messages", CUSTOMER, 201)
                    .on(Subject.TICKET, Prepare.FRESH)
                    .body("{\"body\":\"Any news?\"}"),
            route("POST /api/v1/portal/tickets/{id}/close", CUSTOMER, 200)
                    .on(Subject.TICKET, Prepare.FRESH)
                    .body("{\"reason\":\"No longer needed\"}")
                    .onlyTheRequester(),
            route("POST /api/v1/portal/tickets/{id}/feedback", CUSTOMER, 201)
                    .on(Subject.TICKET, Prepare.FRESH_RESOLVED)
                    .body("{\"rating\":4,\"comment\":\"Thanks\"}")
                    .onlyTheRequester(),
            // agent desk
            route("GET /api/v1/tickets", STAFF, 200),
            route("POST /api/v1/tickets", STAFF, 201)
                    .body("{\"requester\":{\"email\":\"walk-in@example.com\",\"name\":\"Walk In\"},"
                            + "\"subject\":\"Phoned in\",\"description\":\"By phone\",\"category\":\"question\","
                            + "\"source\":\"phone\"}"),
            route("GET /api/v1/tickets/{id}", STAFF, 200).on(Subject.TICKET, Prepare.SHARED),
            route("PATCH /api/v1/tickets/{id}", STAFF, 200)
                    .on(Subject.TICKET, Prepare.FRESH)
                    .body("{\"priority\":\"high\"}"),
            route("DELETE /api/v1/tickets/{id}", ADMIN, 204).on(Subject.TICKET, Prepare.FRESH),
            route("POST /api/v1/tickets/{id}/restore", ADMIN, 200).on(Subject.TICKET, Prepare.FRESH_DELETED),
            route("GET /api/v1/tickets/{id}/messages", STAFF, 200).on(Subject.TICKET, Prepare.SHARED),
            route("POST /api/v1/tickets/{id}/messages", STAFF, 201)
                    .on(Subject.TICKET, Prepare.FRESH)
                    .body("{\"kind\":\"public\",\"body\":\"On it.\"}"),
            route("POST /api/v1/tickets/{id}/assign", STAFF, 200)
                    .on(Subject.TICKET, Prepare.FRESH)
                    .body((world, who) -> "{\"assignee_id\":\"" + world.assigneeFor(who.acme) + "\"}"),
            route("POST /api/v1/tickets/{id}/escalate", STAFF, 200)
                    .on(Subject.TICKET, Prepare.FRESH)
                    .body("{\"reason\":\"Matrix escalation\"}"),
            route("POST /api/v1/tickets/{id}/deescalate", STAFF, 200).on(Subject.TICKET, Prepare.FRESH_ESCALATED),
            route("POST /api/v1/tickets/{id}/split", STAFF, 201)
                    .on(Subject.TICKET, Prepare.FRESH_REPLIED)
                    .body((world, who) -> "{\"message_ids\":[\"" + world.lastReply + "\"]}"),
            route("POST /api/v1/tickets/{id}/merge", STAFF, 200)
                    .on(Subject.TICKET, Prepare.FRESH_PAIRED)
                    .body((world, who) -> "{\"into\":\"" + world.lastPartner + "\"}"),
            route("POST /api/v1/tickets/{id}/unmerge", STAFF, 200).on(Subject.TICKET, Prepare.FRESH_MERGED),
            route("GET /api/v1/tickets/{id}/sla", STAFF, 200).on(Subject.TICKET, Prepare.SHARED),
            route("GET /api/v1/tickets/{id}/history", STAFF, 200).on(Subject.TICKET, Prepare.SHARED),
            route("GET /api/v1/tickets/stats", STAFF, 200),
            route("GET /api/v1/tickets/export.csv", ADMIN, 200),
            // people
            route("POST /api/v1/customers", ADMIN, 201)
                    .body((world, who) ->
                            "{\"email\":\"customer-" + world.next() + "@example.com\",\"name\":\"New Customer\"}"),
            route("GET /api/v1/customers", ADMIN, 200),
            route("GET /api/v1/customers/{id}", ADMIN, 200).on(Subject.CUSTOMER, Prepare.SHARED),
            route("GET /api/v1/customers/{id}/export", ADMIN, 200).on(Subject.CUSTOMER, Prepare.SHARED),
            route("POST /api/v1/customers/{id}/erase", ADMIN, 200).on(Subject.CUSTOMER, Prepare.FRESH),
            route("PATCH /api/v1/customers/{id}", ADMIN, 200)
                    .on(Subject.CUSTOMER, Prepare.SHARED)
                    .body((world, who) -> "{\"name\":\"Renamed " + world.next() + "\"}"),
            route("POST /api/v1/agents", ADMIN, 201)
                    .body((world, who) -> "{\"email\":\"agent-" + world.next()
                            + "@example.com\",\"name\":\"New Agent\",\"role\":\"agent\","
                            + "\"password\":\"new-agent-password\"}"),
            route("GET /api/v1/agents", STAFF, 200),
            route("GET /api/v1/agents/{id}", STAFF, 200).on(Subject.STAFF_MEMBER, Prepare.SHARED),
            route("PATCH /api/v1/agents/{id}", ADMIN, 200)
                    .on(Subject.STAFF_MEMBER, Prepare.SHARED)
                    .body((world, who) -> "{\"name\":\"Renamed " + world.next() + "\"}"),
            // organisations
            route("POST /api/v1/organizations", ADMIN, 201)
                    .body((world, who) -> "{\"name\":\"Org " + world.next() + "\",\"shared_tickets\":false}"),
            route("GET /api/v1/organizations", ADMIN, 200),
            route("GET /api/v1/organizations/{id}", ADMIN, 200).on(Subject.ORGANIZATION, Prepare.SHARED),
            route("PATCH /api/v1/organizations/{id}", ADMIN, 200)
                    .on(Subject.ORGANIZATION, Prepare.SHARED)
                    .body((world, who) -> "{\"name\":\"Renamed " + world.next() + "\"}"),
            // tenant configuration
            route("GET /api/v1/settings", ADMIN, 200),
            route("PUT /api/v1/settings", ADMIN, 200).body("{\"reopen_window_days\":7,\"auto_close_days\":7}"),
            route("GET /api/v1/categories", STAFF, 200),
            route("PUT /api/v1/categories", ADMIN, 200)
                    .body("{\"categories\":[\"bug\",\"feature\",\"question\",\"billing\",\"technical\",\"other\"]}"),
            route("GET /api/v1/sla-policy", ADMIN, 200),
            route("PUT /api/v1/sla-policy", ADMIN, 200).body(SLA_POLICY),
            route("GET /api/v1/business-hours", ADMIN, 200),
            route("PUT /api/v1/business-hours", ADMIN, 200).body("{\"always_open\":true}"),
            // integration tokens
            route("POST /api/v1/api-tokens", ADMIN, 201).body("{\"name\":\"Matrix token\",\"role\":\"agent\"}"),
            route("GET /api/v1/api-tokens", ADMIN, 200),
            route("DELETE /api/v1/api-tokens/{id}", ADMIN, 204).on(Subject.API_TOKEN, Prepare.FRESH),
            // attachments
            route("POST /api/v1/portal/attachments", CUSTOMER, 201).multipartFile(),
            route("GET /api/v1/portal/attachments/{id}", CUSTOMER, 200).on(Subject.ATTACHMENT, Prepare.SHARED),
            route("POST /api/v1/attachments", STAFF, 201).multipartFile(),
            route("GET /api/v1/attachments/{id}", STAFF, 200).on(Subject.ATTACHMENT, Prepare.SHARED),
            // the audit log
            route("GET /api/v1/audit-log", ADMIN, 200),
            route("GET /api/v1/audit-log/verify", ADMIN, 200),
            // knowledge base
            route("GET /api/v1/kb/articles", STAFF, 200),
            route("POST /api/v1/kb/articles", STAFF, 201)
                    .body("{\"title\":\"Matrix article\",\"body\":\"Written by the matrix\",\"status\":\"draft\"}"),
            route("GET /api/v1/kb/articles/{id}", STAFF, 200).on(Subject.ARTICLE, Prepare.SHARED),
            route("PATCH /api/v1/kb/articles/{id}", STAFF, 200)
                    .on(Subject.ARTICLE, Prepare.FRESH)
                    .body("{\"title\":\"Renamed by the matrix\"}"),
            route("DELETE /api/v1/kb/articles/{id}", ADMIN, 204).on(Subject.ARTICLE, Prepare.FRESH),
            route("GET /api/v1/portal/kb/articles", CUSTOMER, 200),
            route("GET /api/v1/portal/kb/articles/{id}", CUSTOMER, 200).on(Subject.ARTICLE, Prepare.SHARED),
            route("GET /api/v1/portal/kb/suggestions", CUSTOMER, 200),
            // call-backs
            route("POST /api/v1/portal/calls", CUSTOMER, 201).body("{\"note\":\"Call me, matrix\"}"),
            route("GET /api/v1/portal/calls", CUSTOMER, 200),
            route("GET /api/v1/calls", STAFF, 200),
            route("GET /api/v1/calls/{id}", STAFF, 200).on(Subject.CALL, Prepare.SHARED),
            route("PATCH /api/v1/calls/{id}", STAFF, 200)
                    .on(Subject.CALL, Prepare.FRESH)
                    .body("{\"status\":\"cancelled\"}"),
            // in-app notifications: each person's own
            route("GET /api/v1/portal/notifications", CUSTOMER, 200),
            route("POST /api/v1/portal/notifications/read-all", CUSTOMER, 200),
            route("POST /api/v1/portal/notifications/{id}/read", CUSTOMER, 200).on(Subject.NOTIFICATION, Prepare.FRESH),
            route("GET /api/v1/notifications", STAFF, 200),
            route("POST /api/v1/notifications/read-all", STAFF, 200),
            route("POST /api/v1/notifications/{id}/read", STAFF, 200).on(Subject.NOTIFICATION, Prepare.FRESH),
            // webhooks and the outbox
            route("POST /api/v1/webhooks", ADMIN, 201)
                    .body((world, who) -> "{\"url\":\"http://127.0.0.1:9/matrix-" + world.next()
                            + "\",\"events\":[\"ticket_created\"],\"description\":\"matrix\"}"),
            route("GET /api/v1/webhooks", ADMIN, 200),
            route("GET /api/v1/webhooks/{id}", ADMIN, 200).on(Subject.WEBHOOK, Prepare.FRESH),
            route("PATCH /api/v1/webhooks/{id}", ADMIN, 200)
                    .on(Subject.WEBHOOK, Prepare.FRESH)
                    .body("{\"description\":\"renamed\"}"),
            route("DELETE /api/v1/webhooks/{id}", ADMIN, 204).on(Subject.WEBHOOK, Prepare.FRESH),
            route("GET /api/v1/webhooks/{id}/deliveries", ADMIN, 200).on(Subject.WEBHOOK, Prepare.FRESH),
            route("GET /api/v1/outbox", ADMIN, 200),
            route("POST /api/v1/outbox/{id}/retry", ADMIN, 200).on(Subject.DELIVERY, Prepare.FRESH),
            // Telegram: each admin reads their tenant's bot, removes it, then connects it again (in this order)
            route("GET /api/v1/channels/telegram", ADMIN, 200),
            route("DELETE /api/v1/channels/telegram", ADMIN, 204),
            route("PUT /api/v1/channels/telegram", ADMIN, 200)
                    .body((world, who) -> "{\"bot_token\":\""
                            + (who.acme ? MatrixWorld.ACME_BOT_TOKEN : MatrixWorld.GLOBEX_BOT_TOKEN) + "\"}"),
            // Telegram's hook: no bearer token opens it, not even an admin's; only the bot's secret header does
            route("POST /api/v1/inbound/telegram/{tenant}", ANYONE, 401)
                    .body("{\"update_id\":1,\"message\":{\"message_id\":1,\"date\":1,"
                            + "\"chat\":{\"id\":42,\"type\":\"private\"},"
                            + "\"from\":{\"id\":42,\"is_bot\":false,\"first_name\":\"Matrix\"},"
                            + "\"text\":\"Let me in\"}}"),
            // inbound email: the channel (configured for both tenants by the world; removed last), and the hook,
            // which takes the tenant's inbound secret and no principal's bearer: every cell is its one 401
            route("PUT /api/v1/channels/email", ADMIN, 200).body("{\"support_address\":\"desk@matrix.example\"}"),
            route("GET /api/v1/channels/email", ADMIN, 200),
            route("POST /api/v1/channels/email/rotate-secret", ADMIN, 200),
            route("DELETE /api/v1/channels/email", ADMIN, 204),
            route("POST /api/v1/inbound/email/{tenant}", ANYONE, 401),
            // the change feed: staff read the tenant's, a customer what they may be told of
            route("GET /api/v1/changes", STAFF, 200),
            route("GET /api/v1/portal/changes", CUSTOMER, 200),
            route("POST /api/v1/events/stream-tickets", STAFF, 201),
            route("POST /api/v1/portal/events/stream-tickets", CUSTOMER, 201),
            route("GET /api/v1/events", STAFF, 200),
            route("GET /api/v1/portal/events", CUSTOMER, 200));

    // ---- Running the matrix once ---------------------------------------------------------------------------

    /** One cell: what was asked, what the rule book expects, what the server answered. */
    record Cell(Entry route, Principal principal, Target target, int expected, int actual, String body, String type) {
        boolean agrees() {
            return expected == actual;
        }
    }

    @TempDir
    static Path dataDir;

    private static MatrixWorld world;
    private static List<Supportdesk.Route> registered;
    private static List<Cell> cells;

    @BeforeAll
    static void runTheMatrix() {
        world = new MatrixWorld(dataDir);
        registered = world.desk.routes();
        Set<String> live =
                registered.stream().map(r -> r.method() + " " + r.path()).collect(Collectors.toSet());
        cells = new ArrayList<>();
        for (Entry route : TABLE) {
            if (!live.contains(route.key())) {
                continue; // reported by the coverage test
            }
            for (Target target : route.subject().targets()) {
                for (Principal principal : Principal.values()) {
                    cells.add(run(route, principal, target));
                }
            }
        }
    }

    @AfterAll
    static void stop() {
        if (world != null) {
            world.close();
        }
    }

    private static Cell run(Entry route, Principal principal, Target target) {
        String path = (target == Target.NONE
                        ? route.path()
                        : route.path().replace("{id}", objectId(route, principal, target)))
                .replace("{tenant}", world.tenantInPath(route.path()));
        String body = route.body() == null ? null : route.body().of(world, principal);
        MatrixWorld.Reply reply =
                world.send(world.bearers.get(principal), route.method(), path, body, route.contentType());
        return new Cell(
                route,
                principal,
                target,
                expected(route, principal, target),
                reply.status(),
                reply.body(),
                reply.contentType());
    }

    /** The object a cell's {@code {id}} names: shared for reading routes, made for this cell for changing ones. */
    private static String objectId(Entry route, Principal principal, Target target) {
        if (target == Target.NONEXISTENT) {
            return UUID.randomUUID().toString();
        }
        if (route.subject() == Subject.NOTIFICATION) {
            return world.notificationFor(principal, target).toString();
        }
        boolean acme = target.ofAcme();
        TenantId tenant = acme ? world.acme : world.globex;
        return switch (route.subject()) {
            case TICKET -> ticket(route.prepare(), target, tenant).toString();
            case CUSTOMER -> (route.prepare() == Prepare.FRESH
                            ? world.freshCustomer(tenant)
                            : acme ? world.acmeCustomerObject : world.globexCustomer)
                    .id()
                    .toString();
            case STAFF_MEMBER -> (acme ? world.acmeStaffObject : world.globexStaffObject)
                    .id()
                    .toString();
            case ORGANIZATION -> (acme ? world.acmeOrganizationObject : world.globexOrganizationObject)
                    .id()
                    .toString();
            case API_TOKEN -> world.apiToken(tenant).toString();
            case ATTACHMENT -> switch (target) {
                case OWN -> world.fileOnAsPublicReply.toString();
                case OTHER_CUSTOMERS -> world.fileOnBsPublicReply.toString();
                case INTERNAL_NOTE -> world.fileOnAsInternalNote.toString();
                default -> world.globexFile.toString();
            };
            case ARTICLE -> (route.prepare() == Prepare.SHARED
                            ? world.sharedArticle(tenant)
                            : world.publishedArticle(tenant))
                    .toString();
            case CALL -> (route.prepare() == Prepare.SHARED ? world.sharedCall(tenant) : world.callFor(tenant))
                    .toString();
            case WEBHOOK -> world.webhook(tenant).toString();
            case DELIVERY -> world.delivery(tenant).toString();
            case NOTIFICATION, NONE -> throw new IllegalStateException(route.key() + " has no {id} of its kind");
        };
    }

    private static TicketId ticket(Prepare prepare, Target target, TenantId tenant) {
        if (prepare == Prepare.SHARED) {
            return switch (target) {
                case OWN -> world.ticketOfA;
                case OTHER_CUSTOMERS -> world.ticketOfB;
                default -> world.globexTicket;
            };
        }
        Person requester =
                switch (target) {
                    case OWN -> world.customerA;
                    case OTHER_CUSTOMERS -> world.customerB;
                    default -> world.globexCustomer;
                };
        TicketId fresh = world.fileAs(requester);
        if (prepare == Prepare.FRESH_DELETED) {
            world.delete(tenant, fresh);
        } else if (prepare == Prepare.FRESH_ESCALATED) {
            world.escalate(tenant, fresh, "Escalated for the matrix");
        } else if (prepare == Prepare.FRESH_RESOLVED) {
            world.resolve(tenant, fresh);
        } else if (prepare == Prepare.FRESH_REPLIED) {
            world.reply(tenant, fresh);
        } else if (prepare == Prepare.FRESH_PAIRED) {
            world.lastPartner = world.fileAs(requester);
        } else if (prepare == Prepare.FRESH_MERGED) {
            world.merge(tenant, fresh, world.fileAs(requester));
        }
        return fresh;
    }

    // ---- The checks ----------------------------------------------------------------------------------------

    @Test
    void the_matrix_covers_exactly_the_registered_routes_with_the_roles_they_declare() {
        Map<String, AccessRole> live = new LinkedHashMap<>();
        registered.forEach(r -> live.put(r.method() + " " + r.path(), r.role()));
        Map<String, AccessRole> table = new LinkedHashMap<>();
        TABLE.forEach(e -> table.put(e.key(), e.role()));

        assertThat(TABLE).as("one entry per route").hasSize(table.size());
        assertThat(new TreeSet<>(live.keySet()))
                .as("registered routes without an entry in the access matrix")
                .isSubsetOf(table.keySet());
        assertThat(new TreeSet<>(table.keySet()))
                .as("access matrix entries for routes the server does not register")
                .isSubsetOf(live.keySet());
        List<String> drifted = live.entrySet().stream()
                .filter(r -> table.containsKey(r.getKey()) && table.get(r.getKey()) != r.getValue())
                .map(r -> r.getKey() + " declares " + r.getValue() + ", the matrix says " + table.get(r.getKey()))
                .toList();
        assertThat(drifted)
                .as("routes whose declared role differs from the matrix")
                .isEmpty();
    }

    @Test
    void every_principal_gets_the_status_the_rule_book_gives_on_every_route() {
        List<Cell> wrong = cells.stream().filter(c -> !c.agrees()).toList();
        assertThat(wrong.size())
                .as(() -> "%d of %d cells disagree with the rule book%n%s%n%s"
                        .formatted(wrong.size(), cells.size(), table(cells), details(wrong)))
                .isZero();
        assertThat(cells).hasSizeGreaterThan(1000);
    }

    @Test
    void every_401_has_one_body_and_every_404_of_a_route_is_byte_identical() {
        // Bearer routes share one 401; a hook that proves its caller otherwise (a secret header) has its own one.
        Map<String, Set<String>> unauthorized = new LinkedHashMap<>();
        cells.stream().filter(c -> c.actual() == 401).forEach(c -> unauthorized
                .computeIfAbsent(c.route().role() == ANYONE ? c.route().key() : "bearer", k -> new LinkedHashSet<>())
                .add(c.body()));
        assertThat(unauthorized).as("401 routes").containsKey("bearer");
        unauthorized.forEach((routes, bodies) ->
                assertThat(bodies).as("distinct 401 bodies of " + routes).hasSize(1));

        Map<String, Set<String>> notFound = new LinkedHashMap<>();
        cells.stream().filter(c -> c.actual() == 404).forEach(c -> notFound.computeIfAbsent(
                        c.route().key(), k -> new LinkedHashSet<>())
                .add(c.body()));
        assertThat(notFound).as("404 routes").isNotEmpty();
        notFound.forEach((route, bodies) ->
                assertThat(bodies).as("distinct 404 bodies of " + route).hasSize(1));
    }

    @Test
    void nothing_staff_only_ever_reaches_a_customer() {
        Set<Principal> customers = Set.of(Principal.CUSTOMER_A, Principal.CUSTOMER_B, Principal.ORG_MATE);
        List<String> leaks = new ArrayList<>();
        int walked = 0;
        for (Cell cell : cells) {
            if (customers.contains(cell.principal()) && !cell.body().isBlank()) {
                String where = cell.route().key() + " [" + cell.principal().label + "]";
                if (cell.type().contains("json")) {
                    walk(json(cell.body()), where, leaks);
                } else {
                    staffOnlyTexts().stream()
                            .filter(cell.body()::contains)
                            .forEach(text -> leaks.add(where + ": text '" + text + "' in a download"));
                }
                walked++;
            }
        }
        assertThat(leaks)
                .as("staff-only data in %d bodies customers received", walked)
                .isEmpty();

        // Not vacuous: the staff-only data is really on A's ticket (staff see it), and both A and the org-mate
        // really read that ticket and its public reply.
        Cell staffView = cells.stream()
                .filter(c -> c.route().key().equals("GET /api/v1/tickets/{id}")
                        && c.principal() == Principal.AGENT
                        && c.target() == Target.OWN)
                .findFirst()
                .orElseThrow();
        assertThat(staffView.body())
                .contains(MatrixWorld.NOTE_MARKER)
                .contains(MatrixWorld.SECRET_TAG)
                .contains(MatrixWorld.ESCALATION_MARKER)
                .contains(MatrixWorld.CUSTOM_FIELD_MARKER)
                .contains("Assigned to")
                .contains("\"assignee_id\"");
        for (Principal reader : List.of(Principal.CUSTOMER_A, Principal.ORG_MATE)) {
            Cell detail = cells.stream()
                    .filter(c -> c.route().key().equals("GET /api/v1/portal/tickets/{id}")
                            && c.principal() == reader
                            && c.target() == Target.OWN)
                    .findFirst()
                    .orElseThrow();
            assertThat(detail.actual()).as(detail.body()).isEqualTo(200);
            assertThat(detail.body()).contains(world.ticketOfA.toString()).contains(MatrixWorld.PUBLIC_REPLY);
        }
    }

    // ---- Walking customer bodies ---------------------------------------------------------------------------

    private static final Set<String> STAFF_ONLY_FIELDS = Set.of(
            "assignee_id",
            "assigned_at",
            "tags",
            "escalated",
            "escalated_at",
            "escalation_reason",
            "first_response_due_at",
            "resolution_due_at",
            "first_response_breached_at",
            "resolution_breached_at",
            "first_responded_at",
            "sla",
            "sla_breached",
            "custom_fields");
    private static final List<String> STAFF_ONLY_FRAGMENTS = List.of("assign", "escalat", "breach", "sla", "custom");

    private static List<String> staffOnlyTexts() {
        return List.of(
                MatrixWorld.NOTE_MARKER,
                MatrixWorld.SECRET_TAG,
                MatrixWorld.ESCALATION_MARKER,
                MatrixWorld.CUSTOM_FIELD_MARKER,
                "Assigned to",
                "Escalated",
                "Escalation lifted");
    }

    private static void walk(JsonNode node, String where, List<String> leaks) {
        if (node.isObject()) {
            if (node.has("messages") && node.get("messages").isArray() && node.has("messages_count")) {
                int visible = node.get("messages").size();
                int counted = node.get("messages_count").asInt();
                if (visible != counted) {
                    leaks.add(where + ": messages_count " + counted + " counts messages the customer cannot see ("
                            + visible + " visible)");
                }
            }
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = field.getKey().toLowerCase(Locale.ROOT);
                if (STAFF_ONLY_FIELDS.contains(name)
                        || STAFF_ONLY_FRAGMENTS.stream().anyMatch(name::contains)) {
                    leaks.add(where + ": field '" + field.getKey() + "'");
                }
                if (name.equals("kind") && field.getValue().asText().equals("internal")) {
                    leaks.add(where + ": an internal message");
                }
                walk(field.getValue(), where + "." + field.getKey(), leaks);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), where + "[" + i + "]", leaks);
            }
        } else if (node.isTextual()) {
            for (String text : staffOnlyTexts()) {
                if (node.asText().contains(text)) {
                    leaks.add(where + ": text '" + text + "' in \"" + node.asText() + "\"");
                }
            }
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }

    // ---- The table printed on failure ----------------------------------------------------------------------

    /** Rows route × object, a column per principal; a cell is its status, or {@code !expected/actual}. */
    static String table(List<Cell> cells) {
        Map<String, Map<Principal, Cell>> rows = new LinkedHashMap<>();
        for (Cell cell : cells) {
            rows.computeIfAbsent(cell.route().key() + "  " + cell.target().label, k -> new LinkedHashMap<>())
                    .put(cell.principal(), cell);
        }
        int width = rows.keySet().stream().mapToInt(String::length).max().orElse(10);
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-" + width + "s", "route  object"));
        for (Principal p : Principal.values()) {
            out.append(String.format(Locale.ROOT, " %9s", p.label));
        }
        out.append(System.lineSeparator());
        rows.forEach((row, byPrincipal) -> {
            out.append(String.format(Locale.ROOT, "%-" + width + "s", row));
            for (Principal p : Principal.values()) {
                Cell c = byPrincipal.get(p);
                String shown = c == null
                        ? "?"
                        : c.agrees() ? Integer.toString(c.actual()) : "!" + c.expected() + "/" + c.actual();
                out.append(String.format(Locale.ROOT, " %9s", shown));
            }
            out.append(System.lineSeparator());
        });
        out.append("!expected/actual marks a disagreement. Objects: own = customer A's ticket, or an object of acme;"
                + " B's = customer B's ticket; tenant2 = an object of globex; missing = a random id."
                + " Every principal is of acme but t2Admin, an admin of globex.");
        return out.toString();
    }

    private static String details(List<Cell> wrong) {
        Function<Cell, String> line = c -> "%s [%s, %s]: expected %d, got %d: %s"
                .formatted(
                        c.route().key(),
                        c.principal().label,
                        c.target().label,
                        c.expected(),
                        c.actual(),
                        c.body().length() > 300 ? c.body().substring(0, 300) + "…" : c.body());
        return wrong.stream().limit(40).map(line).collect(Collectors.joining(System.lineSeparator()));
    }
}
