package org.supportdesk.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.supportdesk.bootstrap.TestHttp;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.UserId;

/**
 * The people and tickets of one tenant that the regression tests attack, or attack from, made over HTTP as its admin
 * would make them: an agent; a customer and an organisation-mate in an organisation that shares tickets; an outsider
 * in none; two colleagues in an organisation that does not share; and the customer's ticket carrying every kind of
 * staff-only data (an internal note, tags, custom fields, an assignment, an escalation) beside one public reply.
 */
final class TenantCast {
    static final String PUBLIC_REPLY = "We are looking into it.";

    /** Someone of the tenant, with the bearer token the server signed for them (and a password if they sign in). */
    record Member(UUID id, String email, String password, Role role, String token) {}

    /** A ticket by both of its names. */
    record Ticket(String id, String number) {}

    private final SecurityWorld world;
    final String slug;
    final TenantId tenant;
    final Member admin;
    final Member agent;
    final Member customer;
    final Member orgMate;
    final Member outsider;
    final Member unsharedCustomer;
    final Member unsharedColleague;
    final UUID sharedOrganization;
    final UUID unsharedOrganization;
    /** The customer's ticket, seeded with staff-only data. */
    final Ticket seeded;
    /** The unshared customer's ticket, which their colleague must not reach. */
    final Ticket unsharedTicket;
    /** Unique text put only where staff see it: the note, the tag, a custom field, the escalation reason. */
    final List<String> staffOnlyText;
    /** The ids of the seeded ticket's messages customers must not see: the internal note and system messages. */
    final List<String> hiddenMessageIds;

    private TenantCast(SecurityWorld world, String slug, StaffActor admin, String adminEmail) {
        this.world = world;
        this.slug = slug;
        this.tenant = admin.tenant();
        this.admin = new Member(
                admin.id().value(), adminEmail, null, Role.ADMIN, world.token(tenant, admin.id(), Role.ADMIN));
        sharedOrganization = organization(slug + " Corp", true);
        unsharedOrganization = organization(slug + " Private", false);
        agent = agent("agnes");
        customer = customer("carla", sharedOrganization, false);
        orgMate = customer("colin", sharedOrganization, false);
        outsider = customer("oscar", null, false);
        unsharedCustomer = customer("ivy", unsharedOrganization, false);
        unsharedColleague = customer("ian", unsharedOrganization, false);
        String marker = slug + "-" + UUID.randomUUID().toString().substring(0, 8);
        staffOnlyText = List.of(
                "note-" + marker,
                "secret-" + marker,
                "contract-" + marker,
                "escalation-" + marker,
                agent.id().toString());
        seeded = file(customer, "Printer on fire " + marker);
        seedStaffOnlyData(seeded);
        hiddenMessageIds = hiddenMessages(seeded);
        unsharedTicket = file(unsharedCustomer, "Private matter " + marker);
    }

    static TenantCast over(SecurityWorld world, String slug, StaffActor admin, String adminEmail) {
        return new TenantCast(world, slug, admin, adminEmail);
    }

    /** A new ticket filed on the portal by {@code customer}. */
    Ticket file(Member customer, String subject) {
        JsonNode filed = created(
                customer.token(),
                "/api/v1/portal/tickets",
                """
                {"subject":"%s","description":"Filed by a regression test","category":"question",\
                "priority":"medium"}"""
                        .formatted(subject));
        return new Ticket(filed.get("id").asText(), filed.get("number").asText());
    }

    /** A new customer of this tenant, outside any organisation, who has no password. */
    Member newCustomer(String name) {
        return newCustomer(name, null);
    }

    /** A new customer of this tenant in {@code organization} (none when null), who has no password. */
    Member newCustomer(String name, UUID organization) {
        return customer(unique(name), organization, false);
    }

    /** A new customer of this tenant who signs in with {@link Member#password()}. */
    Member newCustomerWhoSignsIn(String name) {
        return customer(unique(name), null, true);
    }

    /** A new organisation of this tenant. */
    UUID newOrganization(String name, boolean shared) {
        return organization(unique(name), shared);
    }

    /** Asserts that a body a customer received holds nothing of the seeded ticket's staff-only data. */
    void assertNothingStaffOnlyIn(TestHttp.Response response) {
        for (String hidden : staffOnlyText) {
            assertThat(response.body())
                    .as("staff-only text in a customer's answer")
                    .doesNotContain(hidden);
        }
        for (String id : hiddenMessageIds) {
            assertThat(response.body())
                    .as("a hidden message id in a customer's answer")
                    .doesNotContain(id);
        }
    }

    private void seedStaffOnlyData(Ticket ticket) {
        String path = "/api/v1/tickets/" + ticket.id();
        created(agent.token(), path + "/messages", "{\"kind\":\"public\",\"body\":\"" + PUBLIC_REPLY + "\"}");
        created(agent.token(), path + "/messages", "{\"kind\":\"internal\",\"body\":\"" + staffOnlyText.get(0) + "\"}");
        ok(world.http.send(
                agent.token(),
                "PATCH",
                path,
                """
                {"tags":["%s"],"custom_fields":{"contract":"%s"}}"""
                        .formatted(staffOnlyText.get(1), staffOnlyText.get(2))));
        ok(world.http.post(agent.token(), path + "/assign", "{\"assignee_id\":\"" + agent.id() + "\"}"));
        ok(world.http.post(agent.token(), path + "/escalate", "{\"reason\":\"" + staffOnlyText.get(3) + "\"}"));
    }

    private List<String> hiddenMessages(Ticket ticket) {
        List<String> hidden = new ArrayList<>();
        ok(world.http.get(agent.token(), "/api/v1/tickets/" + ticket.id() + "/messages"))
                .get("items")
                .forEach(message -> {
                    if (!message.get("customer_visible").asBoolean()) {
                        hidden.add(message.get("id").asText());
                    }
                });
        assertThat(hidden)
                .as("the internal note and the assignment's system message")
                .hasSizeGreaterThan(1);
        return List.copyOf(hidden);
    }

    private UUID organization(String name, boolean shared) {
        return UUID.fromString(created(
                        admin.token(),
                        "/api/v1/organizations",
                        "{\"name\":\"" + name + "\",\"shared_tickets\":" + shared + "}")
                .get("id")
                .asText());
    }

    private Member agent(String name) {
        String password = name + "-password-0";
        JsonNode person = created(
                admin.token(),
                "/api/v1/agents",
                SecurityWorld.json(Map.of(
                        "email", name + "@" + slug + ".example", "name", name, "role", "agent", "password", password)));
        return member(person, password, Role.AGENT);
    }

    /** A customer; only those who sign in get a password, since hashing one costs a quarter of a second here. */
    private Member customer(String name, UUID organization, boolean signsIn) {
        Map<String, String> body = new HashMap<>(Map.of("email", name + "@" + slug + ".example", "name", name));
        String password = signsIn ? name + "-password-0" : null;
        if (password != null) {
            body.put("password", password);
        }
        if (organization != null) {
            body.put("organization_id", organization.toString());
        }
        return member(created(admin.token(), "/api/v1/customers", SecurityWorld.json(body)), password, Role.CUSTOMER);
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private Member member(JsonNode person, String password, Role role) {
        UUID id = UUID.fromString(person.get("id").asText());
        return new Member(id, person.get("email").asText(), password, role, world.token(tenant, new UserId(id), role));
    }

    private JsonNode created(String token, String path, String body) {
        TestHttp.Response response = world.http.post(token, path, body);
        assertThat(response.status()).as("POST %s: %s", path, response.body()).isEqualTo(201);
        return response.json();
    }

    private static JsonNode ok(TestHttp.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }
}
