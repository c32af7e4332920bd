package org.supportdesk.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.supportdesk.application.ticket.FileTicket;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.tenant.Category;
import org.supportdesk.domain.tenant.CustomerActor;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.ticket.Description;
import org.supportdesk.domain.ticket.PortalContext;
import org.supportdesk.domain.ticket.Priority;
import org.supportdesk.domain.ticket.Subject;

/**
 * A customer's data export over HTTP (§16 privacy): {@code GET /customers/{id}/export} gives an admin the customer's
 * profile, every ticket they requested with its conversation as they see it (never an internal note), their calls and
 * notifications, streamed a page of tickets at a time; nobody else's data, and only to admins of the customer's tenant.
 */
@Timeout(180)
class CustomerExportTest {
    private static final String NOTE = "Internal: this customer is on probation";

    private static ApiServer api;
    private static ApiServer.Acme acme;
    private static String admin;
    private static final List<String> carlasTickets = new ArrayList<>();

    @TempDir
    static Path dataDir;

    @BeforeAll
    static void start() {
        api = ApiServer.start(dataDir);
        acme = api.acme();
        admin = api.signIn("acme", "boss@acme.example", "boss-password");
        api.person(acme.admin(), "acme", "Oscar", Role.CUSTOMER);
        String oscar = api.signIn("acme", "oscar@acme.example", "oscar-password");
        carlasTickets.add(file(acme.customer(), "Printer on fire"));
        carlasTickets.add(file(acme.customer(), "Scanner jammed"));
        file(oscar, "Oscar's own trouble");
        post(
                acme.agent(),
                "/api/v1/tickets/" + carlasTickets.get(0) + "/messages",
                "{\"kind\":\"public\",\"body\":\"On it, Carla\"}");
        post(
                acme.agent(),
                "/api/v1/tickets/" + carlasTickets.get(0) + "/messages",
                "{\"kind\":\"internal\",\"body\":\"" + NOTE + "\"}");
        post(acme.customer(), "/api/v1/portal/calls", "{\"note\":\"Call me about the printer\"}");
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void an_admin_gets_everything_about_the_customer_and_nothing_else() {
        TestHttp.Response response =
                api.http.get(admin, "/api/v1/customers/" + acme.carla().id().value() + "/export");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode export = response.json();

        assertThat(export.get("person").get("email").asText()).isEqualTo("carla@acme.example");
        assertThat(export.get("exported_at").asText()).isNotBlank();
        List<String> tickets = new ArrayList<>();
        export.get("tickets").forEach(ticket -> tickets.add(ticket.get("id").asText()));
        assertThat(tickets).containsExactlyElementsOf(carlasTickets);
        JsonNode first = export.get("tickets").get(0);
        assertThat(first.get("messages").toString()).contains("On it, Carla");
        assertThat(first.has("attachments")).isTrue();
        assertThat(export.get("calls")).hasSize(1);
        assertThat(export.get("calls").get(0).get("note").asText()).isEqualTo("Call me about the printer");
        assertThat(export.get("notifications").isArray()).isTrue();
        assertThat(response.body()).doesNotContain(NOTE).doesNotContain("Oscar's own trouble");
    }

    @Test
    void a_customer_with_pages_of_tickets_gets_every_one_in_filing_order_and_empty_parts_as_empty_arrays() {
        Person paula = api.person(acme.admin(), "acme", "Paula", Role.CUSTOMER);
        CustomerActor asPaula = CustomerActor.of(paula, Optional.empty());
        List<String> filed = new ArrayList<>();
        for (int i = 0; i < 2 * PageRequest.MAX_TICKET_LIMIT + 5; i++) {
            filed.add(api.desk
                    .useCases()
                    .portal()
                    .fileTicket()
                    .handle(new FileTicket.Command(
                            asPaula,
                            new Subject("Trouble number " + i),
                            new Description("Details of trouble " + i),
                            new Category("technical"),
                            Priority.LOW,
                            PortalContext.NONE,
                            Optional.empty()))
                    .id()
                    .toString());
        }

        TestHttp.Response response =
                api.http.get(admin, "/api/v1/customers/" + paula.id().value() + "/export");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        JsonNode export = response.json();
        List<String> tickets = new ArrayList<>();
        export.get("tickets").forEach(ticket -> tickets.add(ticket.get("id").asText()));
        assertThat(tickets).containsExactlyElementsOf(filed);
        assertThat(export.get("tickets").get(7).get("description").asText()).isEqualTo("Details of trouble 7");
        assertThat(export.get("person").get("name").asText()).isEqualTo("Paula");
        assertThat(export.get("organization").isNull()).isTrue();
        assertThat(export.get("calls").isArray()).isTrue();
        assertThat(export.get("calls")).isEmpty();
        assertThat(export.get("notifications").isArray()).isTrue();
    }

    @Test
    void only_admins_export_and_only_customers_of_their_tenant() {
        String carla = "/api/v1/customers/" + acme.carla().id().value() + "/export";
        assertThat(api.http.get(acme.agent(), carla).status()).isEqualTo(403);
        assertThat(api.http.get(acme.customer(), carla).status()).isEqualTo(403);
        assertThat(api.http
                        .get(admin, "/api/v1/customers/" + acme.agnes().id().value() + "/export")
                        .status())
                .as("an agent is not a customer")
                .isEqualTo(404);
        StaffActor globex = Onboarding.tenant(api.desk.useCases(), "globex", "boss@globex.example", "boss-password");
        String otherAdmin = api.signIn("globex", "boss@globex.example", "boss-password");
        assertThat(globex.tenant()).isNotEqualTo(acme.admin().tenant());
        assertThat(api.http.get(otherAdmin, carla).status()).isEqualTo(404);
    }

    private static String file(String token, String subject) {
        return post(
                        token,
                        "/api/v1/portal/tickets",
                        "{\"subject\":\"" + subject + "\",\"description\":\"Details\",\"category\":\"technical\"}")
                .get("id")
                .asText();
    }

    private static JsonNode post(String token, String path, String body) {
        TestHttp.Response response = api.http.post(token, path, body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }
}
