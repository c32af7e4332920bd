package org.supportdesk.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.event.HandlerMetaInfo;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.supportdesk.adapter.http.admin.AdminUseCases;
import org.supportdesk.adapter.http.admin.ApiTokenEndpoints;
import org.supportdesk.adapter.http.admin.OrganizationEndpoints;
import org.supportdesk.adapter.http.admin.PeopleEndpoints;
import org.supportdesk.adapter.http.admin.SettingsEndpoints;
import org.supportdesk.adapter.http.auth.Authenticator;
import org.supportdesk.adapter.http.auth.JwtSettings;
import org.supportdesk.adapter.http.auth.JwtTokens;
import org.supportdesk.adapter.http.auth.LoginEndpoints;
import org.supportdesk.adapter.http.auth.LoginThrottle;
import org.supportdesk.adapter.http.auth.Password4jHashing;
import org.supportdesk.adapter.http.desk.DeskTicketEndpoints;
import org.supportdesk.adapter.http.desk.DeskUseCases;
import org.supportdesk.adapter.http.json.JsonMapping;
import org.supportdesk.adapter.http.portal.PortalProfileEndpoints;
import org.supportdesk.adapter.http.portal.PortalTicketEndpoints;
import org.supportdesk.adapter.http.portal.PortalUseCases;
import org.supportdesk.application.access.IdentifyActor;
import org.supportdesk.application.access.SignIn;
import org.supportdesk.application.admin.AddPerson;
import org.supportdesk.application.testing.InMemorySupportdesk;
import org.supportdesk.application.testing.TenantFixture;
import org.supportdesk.domain.tenant.Password;
import org.supportdesk.domain.tenant.Person;

/** The real HTTP adapter on a random port over the in-memory core, with a client that speaks to it. */
public final class TestServer implements AutoCloseable {
    public static final String SECRET = "test-secret-that-is-long-enough-for-hs256!";

    public final InMemorySupportdesk desk = new InMemorySupportdesk();
    public final ObjectMapper json = JsonMapping.create();
    public final JwtTokens tokens =
            new JwtTokens(JwtSettings.of(SECRET, "supportdesk", "supportdesk-api", Optional.empty()), desk.clock);
    public final List<HandlerMetaInfo> routes = new ArrayList<>();
    /** Real Argon2id, at a low cost so tests stay fast. */
    public final Password4jHashing hashing = new Password4jHashing(1024, 1);

    public final LoginThrottle throttle = LoginThrottle.withDefaults(desk.clock);
    public final SignIn signIn = new SignIn(desk.tenants, desk.people, desk.credentials, hashing, desk.transactions);
    private final Javalin server;
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public TestServer() {
        Requests requests = new Requests(json);
        IdempotentCreation creation = new IdempotentCreation(desk.runOnce, json);
        Authenticator authenticator =
                new Authenticator(tokens, new IdentifyActor(desk.people, desk.transactions), desk.identifyApiToken);
        AdminUseCases adminUseCases = new AdminUseCases(
                new AddPerson(desk.adminWork, desk.people, desk.credentials, hashing),
                desk.updatePerson,
                desk.listPeople,
                desk.getPerson,
                desk.addOrganization,
                desk.updateOrganization,
                desk.listOrganizations,
                desk.getOrganization,
                desk.showConfiguration,
                desk.changeSettings,
                desk.replaceCategories,
                desk.changeSlaPolicy,
                desk.changeBusinessHours,
                desk.createApiToken,
                desk.listApiTokens,
                desk.revokeApiToken);
        DeskUseCases deskUseCases = new DeskUseCases(
                desk.listTickets,
                desk.fileTicketForCustomer,
                desk.getTicket,
                desk.updateTicket,
                desk.deleteTicket,
                desk.restoreTicket,
                desk.listMessages,
                desk.replyToTicket,
                desk.addInternalNote,
                desk.assignTicket,
                desk.escalateTicket,
                desk.deescalateTicket,
                desk.explainSla,
                desk.ticketHistory);
        PortalUseCases portalUseCases = new PortalUseCases(
                desk.listCustomerTickets,
                desk.fileTicket,
                desk.getCustomerTicket,
                desk.listCustomerMessages,
                desk.replyToTicket,
                desk.closeOwnTicket);
        server = HttpServer.create(
                        json,
                        authenticator::authenticate,
                        List.of(
                                new DeskTicketEndpoints(deskUseCases, requests, creation, json),
                                new PortalTicketEndpoints(portalUseCases, requests, creation, json),
                                new PortalProfileEndpoints(desk.showCustomerProfile, desk.showConfiguration),
                                new LoginEndpoints(signIn, tokens, throttle, requests),
                                new PeopleEndpoints(adminUseCases, requests, creation),
                                new OrganizationEndpoints(adminUseCases, requests, creation),
                                new SettingsEndpoints(adminUseCases, requests),
                                new ApiTokenEndpoints(adminUseCases, requests, creation)),
                        routes::add)
                .start("127.0.0.1", 0);
    }

    /** Registers a tenant's slug and gives each of its people the password {@code "pw-" + their name}. */
    public void signInReady(TenantFixture tenant, String slug) {
        desk.tenants.add(tenant.tenant, slug);
        for (Person person : tenant.everyone()) {
            desk.credentials.setPasswordHash(
                    tenant.tenant, person.id(), hashing.hash(new Password("pw-" + person.name() + "-secret")));
        }
    }

    public Response put(String token, String path, String body) {
        return send(token, "PUT", path, body, Map.of());
    }

    /** A bearer token for a stored person. */
    public String tokenFor(Person person) {
        return tokens.issue(person.tenant(), person.id(), person.role()).token();
    }

    public Response get(String token, String path) {
        return send(token, "GET", path, null, Map.of());
    }

    public Response post(String token, String path, String body) {
        return send(token, "POST", path, body, Map.of());
    }

    public Response patch(String token, String path, String body, Map<String, String> headers) {
        return send(token, "PATCH", path, body, headers);
    }

    /** Sends a request; a null {@code token} sends none, a null {@code body} sends no body. */
    public Response send(String token, String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(10))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            OpenApiContract.check(method, path, response); // every answer, as docs/api/openapi.yaml declares it
            return new Response(response.statusCode(), response.headers().map(), response.body(), json);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path, e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }

    /** A response: status, headers and the body, also as JSON when it is JSON. */
    public record Response(int status, Map<String, List<String>> headers, String body, ObjectMapper json) {
        public JsonNode jsonBody() {
            try {
                return json.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }

        public Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .findFirst();
        }
    }
}
