package org.supportdesk.adapter.http.portal;

import static org.supportdesk.adapter.http.Requests.ticketRef;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.supportdesk.adapter.http.AttachmentTransfer;
import org.supportdesk.adapter.http.Endpoints;
import org.supportdesk.adapter.http.IdempotentCreation;
import org.supportdesk.adapter.http.Pagination;
import org.supportdesk.adapter.http.Requests;
import org.supportdesk.adapter.http.auth.AccessRole;
import org.supportdesk.adapter.http.auth.Authenticator;
import org.supportdesk.adapter.http.json.FieldReader;
import org.supportdesk.adapter.http.json.FiledContent;
import org.supportdesk.adapter.http.json.JsonFields;
import org.supportdesk.application.UseCases;
import org.supportdesk.application.conversation.ReplyAsCustomer;
import org.supportdesk.application.query.GetCustomerTicket;
import org.supportdesk.application.query.ListCustomerMessages;
import org.supportdesk.application.query.ListCustomerTickets;
import org.supportdesk.application.ticket.CloseOwnTicket;
import org.supportdesk.application.ticket.FileTicket;
import org.supportdesk.application.ticket.GiveFeedback;
import org.supportdesk.domain.kb.ArticleId;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.problem.ValidationFailed;
import org.supportdesk.domain.tenant.CustomerActor;
import org.supportdesk.domain.ticket.AttachmentId;
import org.supportdesk.domain.ticket.Body;
import org.supportdesk.domain.ticket.PortalContext;
import org.supportdesk.domain.ticket.Priority;
import org.supportdesk.domain.ticket.Rating;
import org.supportdesk.domain.ticket.TicketId;
import org.supportdesk.domain.ticket.TicketRef;
import org.supportdesk.domain.ticket.TicketStatus;
import org.supportdesk.domain.ticket.Via;
import org.supportdesk.domain.visibility.CustomerTicketView;

/**
 * The customer portal's ticket routes (§9) under {@code /api/v1/portal}. Requests take only what customers may set: a
 * {@code status}, {@code assignee_id}, {@code tags} or any other field is a 400 naming it.
 */
public final class PortalTicketEndpoints implements Endpoints {
    private final UseCases.Portal useCases;
    private final Requests requests;
    private final IdempotentCreation creation;

    public PortalTicketEndpoints(UseCases.Portal useCases, Requests requests, IdempotentCreation creation) {
        this.useCases = useCases;
        this.requests = requests;
        this.creation = creation;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/portal/tickets", this::list, AccessRole.CUSTOMER);
        routes.post("/api/v1/portal/tickets", this::file, AccessRole.CUSTOMER);
        routes.get("/api/v1/portal/tickets/{id}", this::get, AccessRole.CUSTOMER);
        routes.get("/api/v1/portal/tickets/{id}/messages", this::messages, AccessRole.CUSTOMER);
        routes.post("/api/v1/portal/tickets/{id}/messages", this::reply, AccessRole.CUSTOMER);
        routes.post("/api/v1/portal/tickets/{id}/close", this::close, AccessRole.CUSTOMER);
        routes.post("/api/v1/portal/tickets/{id}/feedback", this::feedback, AccessRole.CUSTOMER);
    }

    void list(Context ctx) {
        CustomerActor customer = Authenticator.customer(ctx);
        var page = useCases.listTickets()
                .handle(new ListCustomerTickets.Command(
                        customer,
                        Requests.query(
                                        ctx,
                                        "status",
                                        raw -> raw.equals("all")
                                                ? Set.<TicketStatus>of()
                                                : set(raw, TicketStatus::parse))
                                .orElse(Set.of()),
                        Requests.query(ctx, "priority", raw -> set(raw, Priority::parse))
                                .orElse(Set.of()),
                        Requests.query(ctx, "q", text -> text),
                        Requests.keysetPage(ctx)));
        ctx.json(Pagination.of(page.map(view -> PortalTicketResponse.of(view, false))));
    }

    /** What a customer may file with (§9). */
    record FileRequest(
            String subject,
            String description,
            String category,
            String priority,
            String pageUrl,
            String browserInfo,
            String screenshotId,
            String followUpOf,
            List<String> attachmentIds,
            String relatedArticle) {}

    void file(Context ctx) {
        CustomerActor customer = Authenticator.customer(ctx);
        FileRequest body = requests.body(ctx, FileRequest.class);
        FieldReader fields = new FieldReader();
        FiledContent content =
                FiledContent.read(fields, body.subject(), body.description(), body.category(), body.priority());
        Optional<AttachmentId> screenshot = AttachmentTransfer.id(fields, "screenshot_id", body.screenshotId());
        PortalContext context = fields.read(
                        "page_url",
                        () -> new PortalContext(
                                Optional.ofNullable(body.pageUrl()),
                                Optional.ofNullable(body.browserInfo()),
                                screenshot))
                .orElse(null);
        List<AttachmentId> attachments = AttachmentTransfer.ids(fields, "attachment_ids", body.attachmentIds());
        Optional<TicketId> followUpOf = body.followUpOf() == null
                ? Optional.empty()
                : fields.read("follow_up_of", () -> new TicketId(UUID.fromString(body.followUpOf())));
        Optional<ArticleId> relatedArticle = body.relatedArticle() == null
                ? Optional.empty()
                : fields.read("related_article", () -> new ArticleId(UUID.fromString(body.relatedArticle())));
        fields.done();
        creation.respond(ctx, customer, () -> {
            CustomerTicketView filed = useCases.fileTicket()
                    .handle(new FileTicket.Command(
                            customer,
                            content.subject(),
                            content.description(),
                            content.category(),
                            content.priority(),
                            context,
                            followUpOf,
                            attachments,
                            relatedArticle));
            return PortalTicketResponse.of(filed, true);
        });
    }

    void get(Context ctx) {
        respond(ctx, view(Authenticator.customer(ctx), ticketRef(ctx)));
    }

    void messages(Context ctx) {
        var page = useCases.listMessages()
                .handle(new ListCustomerMessages.Command(
                        Authenticator.customer(ctx),
                        ticketRef(ctx),
                        PageRequest.ofMessages(
                                Requests.intQuery(ctx, "page", 1),
                                Requests.intQuery(ctx, "limit", PageRequest.DEFAULT_MESSAGE_LIMIT))));
        ctx.json(Pagination.of(page.map(PortalTicketResponse::message)));
    }

    /** A customer's reply: public whatever it omits; {@code kind:"internal"} is refused (§17). */
    record ReplyRequest(String body, String kind, List<String> attachmentIds) {}

    void reply(Context ctx) {
        CustomerActor customer = Authenticator.customer(ctx);
        TicketRef ref = ticketRef(ctx);
        ReplyRequest request = requests.body(ctx, ReplyRequest.class);
        FieldReader fields = new FieldReader();
        if (request.kind() != null && !request.kind().equals("public")) {
            fields.read("kind", () -> {
                throw ValidationFailed.of("kind", "customers post public replies only");
            });
        }
        Body body = fields.required("body", fields.read("body", () -> new Body(request.body())));
        List<AttachmentId> attachments = AttachmentTransfer.ids(fields, "attachment_ids", request.attachmentIds());
        fields.done();
        creation.respond(
                ctx,
                customer,
                () -> PortalTicketResponse.message(useCases.reply()
                        .handle(new ReplyAsCustomer.Command(customer, ref, body, Via.PORTAL, attachments))));
    }

    record CloseRequest(String reason) {}

    void close(Context ctx) {
        CustomerActor customer = Authenticator.customer(ctx);
        TicketRef ref = ticketRef(ctx);
        Optional<String> reason = ctx.body().isBlank()
                ? Optional.empty()
                : Optional.ofNullable(requests.body(ctx, CloseRequest.class).reason());
        Optional<String> expectedRevision = Requests.ifMatchTag(ctx).map(PortalTicketEndpoints::revisionOf);
        respond(
                ctx,
                useCases.closeOwnTicket().handle(new CloseOwnTicket.Command(customer, ref, reason, expectedRevision)));
    }

    /**
     * The requester rates a resolved or closed ticket, once: {@code rating} a whole number 1 to 5, {@code comment}
     * optional. 201 with the feedback; 409 CONFLICT when the ticket is still open or was rated already; 403 for an
     * organisation-mate.
     */
    void feedback(Context ctx) {
        CustomerActor customer = Authenticator.customer(ctx);
        TicketRef ref = ticketRef(ctx);
        ObjectNode body = requests.body(ctx, ObjectNode.class);
        JsonFields.onlyThese(body, Set.of("rating", "comment"));
        FieldReader fields = new FieldReader();
        Optional<Rating> rating = JsonFields.optional(fields, body, "rating", PortalTicketEndpoints::rating);
        Optional<String> comment = JsonFields.optional(fields, body, "comment", JsonFields::text);
        fields.required("rating", rating);
        fields.done();
        creation.respond(
                ctx,
                customer,
                () -> PortalTicketResponse.feedback(useCases.giveFeedback()
                        .handle(new GiveFeedback.Command(customer, ref, rating.get(), comment))));
    }

    private static Rating rating(JsonNode value) {
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw ValidationFailed.of("rating", "must be a whole number from 1 to 5");
        }
        return new Rating(value.intValue());
    }

    /**
     * Writes a ticket with its ETag. A customer's ETag is the view's revision, a digest of exactly what they see, not
     * the ticket's version, which would tell them how often staff touched it (internal notes, assignments …).
     */
    private static void respond(Context ctx, CustomerTicketView ticket) {
        ctx.header("ETag", "\"" + ticket.revision() + "\"");
        ctx.json(PortalTicketResponse.of(ticket, true));
    }

    /** The revision an {@code If-Match} names; a weak or unquoted tag can match no revision of ours. */
    private static String revisionOf(String tag) {
        return tag.length() > 2 && tag.startsWith("\"") && tag.endsWith("\"")
                ? tag.substring(1, tag.length() - 1)
                : tag;
    }

    private CustomerTicketView view(CustomerActor customer, TicketRef ticket) {
        return useCases.getTicket().handle(new GetCustomerTicket.Command(customer, ticket));
    }

    private static <T> Set<T> set(String raw, Function<String, T> parse) {
        return Arrays.stream(raw.split(",")).map(String::strip).map(parse).collect(Collectors.toSet());
    }
}
