package org.supportdesk.adapter.http.desk;

import static org.supportdesk.adapter.http.Requests.etag;
import static org.supportdesk.adapter.http.Requests.ifMatch;
import static org.supportdesk.adapter.http.Requests.ticketRef;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.supportdesk.adapter.http.AttachmentTransfer;
import org.supportdesk.adapter.http.AttachmentTransfer.AttachmentResponse;
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
import org.supportdesk.application.conversation.AddInternalNote;
import org.supportdesk.application.conversation.ReplyToTicket;
import org.supportdesk.application.query.GetTicket;
import org.supportdesk.application.query.ListMessages;
import org.supportdesk.application.query.TicketDetail;
import org.supportdesk.application.query.TicketHistory;
import org.supportdesk.application.sla.ExplainSla;
import org.supportdesk.application.ticket.AssignTicket;
import org.supportdesk.application.ticket.DeescalateTicket;
import org.supportdesk.application.ticket.DeleteTicket;
import org.supportdesk.application.ticket.EscalateTicket;
import org.supportdesk.application.ticket.FileTicketForCustomer;
import org.supportdesk.application.ticket.MergeTicket;
import org.supportdesk.application.ticket.RestoreTicket;
import org.supportdesk.application.ticket.SplitTicket;
import org.supportdesk.application.ticket.UnmergeTicket;
import org.supportdesk.application.ticket.UpdateTicket;
import org.supportdesk.application.work.ChangedTicket;
import org.supportdesk.domain.attachment.Attachment;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.kb.ArticleId;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.problem.ValidationFailed;
import org.supportdesk.domain.tenant.Category;
import org.supportdesk.domain.tenant.Email;
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.tenant.UserId;
import org.supportdesk.domain.ticket.AttachmentId;
import org.supportdesk.domain.ticket.Body;
import org.supportdesk.domain.ticket.CustomFields;
import org.supportdesk.domain.ticket.MessageId;
import org.supportdesk.domain.ticket.MessageKind;
import org.supportdesk.domain.ticket.Priority;
import org.supportdesk.domain.ticket.Subject;
import org.supportdesk.domain.ticket.Tags;
import org.supportdesk.domain.ticket.TicketRef;
import org.supportdesk.domain.ticket.TicketSource;
import org.supportdesk.domain.ticket.TicketStatus;
import org.supportdesk.domain.ticket.Via;
import org.supportdesk.domain.visibility.AttachmentView;

/** The agent desk's ticket routes (§10) under {@code /api/v1}. */
public final class DeskTicketEndpoints implements Endpoints {
    private static final Set<String> PATCHABLE = Set.of(
            "status", "priority", "category", "assignee_id", "tags", "subject", "custom_fields", "related_article");

    private final UseCases.Desk useCases;
    private final Requests requests;
    private final IdempotentCreation creation;
    private final TicketListQuery listQuery;
    private final ObjectMapper json;

    public DeskTicketEndpoints(
            UseCases.Desk useCases, Requests requests, IdempotentCreation creation, ObjectMapper json) {
        this.useCases = useCases;
        this.requests = requests;
        this.creation = creation;
        this.listQuery = new TicketListQuery();
        this.json = json;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/tickets", this::list, AccessRole.STAFF);
        routes.post("/api/v1/tickets", this::file, AccessRole.STAFF);
        routes.get("/api/v1/tickets/{id}", this::get, AccessRole.STAFF);
        routes.patch("/api/v1/tickets/{id}", this::patch, AccessRole.STAFF);
        routes.delete("/api/v1/tickets/{id}", this::delete, AccessRole.ADMIN);
        routes.post("/api/v1/tickets/{id}/restore", this::restore, AccessRole.ADMIN);
        routes.get("/api/v1/tickets/{id}/messages", this::messages, AccessRole.STAFF);
        routes.post("/api/v1/tickets/{id}/messages", this::post, AccessRole.STAFF);
        routes.post("/api/v1/tickets/{id}/assign", this::assign, AccessRole.STAFF);
        routes.post("/api/v1/tickets/{id}/escalate", this::escalate, AccessRole.STAFF);
        routes.post("/api/v1/tickets/{id}/split", this::split, AccessRole.STAFF);
        routes.post("/api/v1/tickets/{id}/merge", this::merge, AccessRole.STAFF);
        routes.post("/api/v1/tickets/{id}/unmerge", this::unmerge, AccessRole.STAFF);
        routes.post("/api/v1/tickets/{id}/deescalate", this::deescalate, AccessRole.STAFF);
        routes.get("/api/v1/tickets/{id}/sla", this::sla, AccessRole.STAFF);
        routes.get("/api/v1/tickets/{id}/history", this::history, AccessRole.STAFF);
    }

    void list(Context ctx) {
        var page = useCases.listTickets().handle(listQuery.read(ctx, Authenticator.staff(ctx)));
        ctx.json(Pagination.of(
                page.map(item -> TicketResponse.of(item.ticket(), item.requesterName(), Optional.empty(), json))));
    }

    /** Staff file for a customer named by {@code requester_id} or {@code requester:{email, name}}. */
    record FileRequest(
            String requesterId,
            RequesterRequest requester,
            String subject,
            String description,
            String category,
            String priority,
            String source,
            JsonNode customFields,
            List<String> attachmentIds,
            String relatedArticle) {}

    record RequesterRequest(String email, String name) {}

    void file(Context ctx) {
        StaffActor staff = Authenticator.staff(ctx);
        FileRequest body = requests.body(ctx, FileRequest.class);
        FieldReader fields = new FieldReader();
        Optional<FileTicketForCustomer.Requester> requester = fields.read("requester", () -> requesterOf(body));
        FiledContent content =
                FiledContent.read(fields, body.subject(), body.description(), body.category(), body.priority());
        TicketSource source = fields.read(
                        "source", () -> body.source() == null ? TicketSource.API : TicketSource.parse(body.source()))
                .orElse(null);
        CustomFields customFields = fields.read("custom_fields", () -> customFields(body.customFields()))
                .orElse(null);
        List<AttachmentId> attachments = AttachmentTransfer.ids(fields, "attachment_ids", body.attachmentIds());
        Optional<ArticleId> relatedArticle = body.relatedArticle() == null
                ? Optional.empty()
                : fields.read("related_article", () -> new ArticleId(UUID.fromString(body.relatedArticle())));
        fields.required("requester", requester);
        fields.done();
        creation.respond(ctx, staff, () -> {
            ChangedTicket filed = useCases.fileTicketForCustomer()
                    .handle(new FileTicketForCustomer.Command(
                            staff,
                            requester.get(),
                            content.subject(),
                            content.description(),
                            content.category(),
                            content.priority(),
                            source,
                            customFields,
                            Optional.empty(),
                            attachments,
                            relatedArticle));
            etag(ctx, filed.ticket().version());
            return written(filed);
        });
    }

    private static FileTicketForCustomer.Requester requesterOf(FileRequest body) {
        if (body.requesterId() != null && body.requester() == null) {
            return FileTicketForCustomer.Requester.byId(new UserId(UUID.fromString(body.requesterId())));
        }
        if (body.requester() != null && body.requesterId() == null) {
            return FileTicketForCustomer.Requester.byEmail(
                    Email.of(body.requester().email()),
                    Optional.ofNullable(body.requester().name()));
        }
        throw ValidationFailed.of("requester", "give either requester_id or requester {email, name}");
    }

    void get(Context ctx) {
        TicketResponse ticket = detail(Authenticator.staff(ctx), ticketRef(ctx));
        etag(ctx, ticket.version());
        ctx.json(ticket);
    }

    void patch(Context ctx) {
        StaffActor staff = Authenticator.staff(ctx);
        TicketRef ref = ticketRef(ctx);
        ObjectNode body = requests.body(ctx, ObjectNode.class);
        JsonFields.onlyThese(body, PATCHABLE);
        FieldReader fields = new FieldReader();
        var status = JsonFields.optional(fields, body, "status", n -> TicketStatus.parse(JsonFields.text(n)));
        var priority = JsonFields.optional(fields, body, "priority", n -> Priority.parse(JsonFields.text(n)));
        var category = JsonFields.optional(fields, body, "category", n -> new Category(JsonFields.text(n)));
        var subject = JsonFields.optional(fields, body, "subject", n -> new Subject(JsonFields.text(n)));
        var tags = JsonFields.optional(fields, body, "tags", DeskTicketEndpoints::tags);
        var custom = JsonFields.optional(fields, body, "custom_fields", DeskTicketEndpoints::customFields);
        var assignment = body.has("assignee_id")
                ? fields.read("assignee_id", () -> new UpdateTicket.Assignment(assignee(body.get("assignee_id"))))
                : Optional.<UpdateTicket.Assignment>empty();
        var relatedArticle = body.has("related_article")
                ? fields.read(
                        "related_article",
                        () -> new UpdateTicket.ArticleLink(relatedArticle(body.get("related_article"))))
                : Optional.<UpdateTicket.ArticleLink>empty();
        fields.done();
        respond(
                ctx,
                useCases.updateTicket()
                        .handle(new UpdateTicket.Command(
                                staff,
                                ref,
                                subject,
                                priority,
                                category,
                                tags,
                                custom,
                                assignment,
                                status,
                                ifMatch(ctx),
                                relatedArticle)));
    }

    void delete(Context ctx) {
        StaffActor staff = Authenticator.staff(ctx);
        useCases.deleteTicket().handle(new DeleteTicket.Command(staff, ticketRef(ctx), ifMatch(ctx)));
        ctx.status(204);
    }

    void restore(Context ctx) {
        StaffActor staff = Authenticator.staff(ctx);
        respond(ctx, useCases.restoreTicket().handle(new RestoreTicket.Command(staff, ticketRef(ctx), ifMatch(ctx))));
    }

    void messages(Context ctx) {
        var page = useCases.listMessages()
                .handle(new ListMessages.Command(
                        Authenticator.staff(ctx),
                        ticketRef(ctx),
                        PageRequest.ofMessages(
                                Requests.intQuery(ctx, "page", 1),
                                Requests.intQuery(ctx, "limit", PageRequest.DEFAULT_MESSAGE_LIMIT))));
        ctx.json(Pagination.of(
                page.map(posted -> MessageResponse.of(posted.message(), posted.attachments(), posted.emailRule()))));
    }

    record MessageRequest(String kind, String body, Boolean isResolution, List<String> attachmentIds) {}

    void post(Context ctx) {
        StaffActor staff = Authenticator.staff(ctx);
        TicketRef ref = ticketRef(ctx);
        MessageRequest request = requests.body(ctx, MessageRequest.class);
        FieldReader fields = new FieldReader();
        MessageKind kind =
                fields.required("kind", fields.read("kind", () -> MessageKind.parsePostable(request.kind())));
        Body body = fields.required("body", fields.read("body", () -> new Body(request.body())));
        boolean resolution = Boolean.TRUE.equals(request.isResolution());
        if (kind == MessageKind.INTERNAL && resolution) {
            fields.read("is_resolution", () -> {
                throw ValidationFailed.of("is_resolution", "only a public reply can mark the resolution");
            });
        }
        List<AttachmentId> attachments = AttachmentTransfer.ids(fields, "attachment_ids", request.attachmentIds());
        fields.done();
        Optional<Long> expected = ifMatch(ctx);
        creation.respond(ctx, staff, () -> {
            ReplyToTicket.Posted posted = kind == MessageKind.PUBLIC
                    ? useCases.replyToTicket()
                            .handle(new ReplyToTicket.Command(
                                    staff, ref, body, Via.API, resolution, expected, attachments))
                    : useCases.addInternalNote()
                            .handle(new AddInternalNote.Command(staff, ref, body, Via.API, expected, attachments));
            etag(ctx, posted.ticket().version());
            return MessageResponse.of(posted.message(), posted.attachments(), Optional.empty());
        });
    }

    void assign(Context ctx) {
        StaffActor staff = Authenticator.staff(ctx);
        ObjectNode body = requests.body(ctx, ObjectNode.class);
        JsonFields.onlyThese(body, Set.of("assignee_id"));
        if (!body.has("assignee_id")) {
            throw ValidationFailed.of("assignee_id", "is required (null unassigns)");
        }
        FieldReader fields = new FieldReader();
        Optional<UserId> assignee = fields.read("assignee_id", () -> assignee(body.get("assignee_id")))
                .orElse(Optional.empty());
        fields.done();
        respond(
                ctx,
                useCases.assignTicket()
                        .handle(new AssignTicket.Command(staff, ticketRef(ctx), assignee, ifMatch(ctx))));
    }

    record EscalateRequest(String reason) {}

    record SplitRequest(List<String> messageIds, String subject) {}

    /** §16: the chosen messages leave for a new ticket of the same requester, which the answer describes (201). */
    void split(Context ctx) {
        StaffActor staff = Authenticator.staff(ctx);
        SplitRequest body = requests.body(ctx, SplitRequest.class);
        FieldReader fields = new FieldReader();
        Set<MessageId> messages =
                fields.read("message_ids", () -> messageIds(body.messageIds())).orElse(Set.of());
        Optional<Subject> subject =
                body.subject() == null ? Optional.empty() : fields.read("subject", () -> new Subject(body.subject()));
        fields.done();
        TicketRef source = ticketRef(ctx);
        creation.respond(ctx, staff, () -> {
            ChangedTicket split =
                    useCases.splitTicket().handle(new SplitTicket.Command(staff, source, messages, subject));
            etag(ctx, split.ticket().version());
            return written(split);
        });
    }

    record MergeRequest(String into, Boolean confirmDifferentRequester) {}

    /** §16: the ticket closes, merged into {@code into} (an id or number), whose conversation now reads its messages. */
    void merge(Context ctx) {
        StaffActor staff = Authenticator.staff(ctx);
        MergeRequest body = requests.body(ctx, MergeRequest.class);
        FieldReader fields = new FieldReader();
        TicketRef into = fields.required(
                "into",
                Optional.ofNullable(body.into())
                        .flatMap(raw -> fields.read("into", () -> TicketRef.parse(raw)
                                .orElseThrow(() -> ValidationFailed.of("into", "is a ticket id or number")))));
        fields.done();
        respond(
                ctx,
                useCases.mergeTicket()
                        .handle(new MergeTicket.Command(
                                staff,
                                ticketRef(ctx),
                                into,
                                Boolean.TRUE.equals(body.confirmDifferentRequester()),
                                ifMatch(ctx))));
    }

    /** §16: the merge is taken back; the ticket is again what it was before it. */
    void unmerge(Context ctx) {
        StaffActor staff = Authenticator.staff(ctx);
        respond(ctx, useCases.unmergeTicket().handle(new UnmergeTicket.Command(staff, ticketRef(ctx), ifMatch(ctx))));
    }

    private static Set<MessageId> messageIds(List<String> raw) {
        if (raw == null || raw.isEmpty()) {
            throw ValidationFailed.of("message_ids", "name at least one message to split off");
        }
        Set<MessageId> ids = new LinkedHashSet<>();
        for (String id : raw) {
            if (id == null || !ids.add(new MessageId(UUID.fromString(id)))) {
                throw ValidationFailed.of("message_ids", "lists message ids, each once and none null");
            }
        }
        return ids;
    }

    void escalate(Context ctx) {
        StaffActor staff = Authenticator.staff(ctx);
        EscalateRequest body = requests.body(ctx, EscalateRequest.class);
        FieldReader fields = new FieldReader();
        String reason = fields.required("reason", Optional.ofNullable(body.reason()));
        fields.done();
        respond(
                ctx,
                useCases.escalateTicket()
                        .handle(new EscalateTicket.Command(staff, ticketRef(ctx), reason, ifMatch(ctx))));
    }

    void deescalate(Context ctx) {
        StaffActor staff = Authenticator.staff(ctx);
        respond(
                ctx,
                useCases.deescalateTicket().handle(new DeescalateTicket.Command(staff, ticketRef(ctx), ifMatch(ctx))));
    }

    void sla(Context ctx) {
        ctx.json(SlaResponse.of(
                useCases.explainSla().handle(new ExplainSla.Command(Authenticator.staff(ctx), ticketRef(ctx)))));
    }

    void history(Context ctx) {
        Set<JournalAction> actions = Requests.query(ctx, "action", raw -> Set.of(raw.split(",")).stream()
                        .map(a -> JournalAction.parse(a.strip())
                                .orElseThrow(() -> ValidationFailed.of("action", "unknown action " + a)))
                        .collect(Collectors.toSet()))
                .orElse(Set.of());
        var entries = useCases.ticketHistory()
                .handle(new TicketHistory.Command(Authenticator.staff(ctx), ticketRef(ctx), actions));
        ctx.json(Map.of("items", entries.stream().map(JournalEntryResponse::of).collect(Collectors.toList())));
    }

    /**
     * Answers a write with the ticket as the write left it, read in its own transaction, and the ETag of the version
     * it wrote; the conversation is left out (read it with GET), so a write costs no read of every message.
     */
    private void respond(Context ctx, ChangedTicket changed) {
        etag(ctx, changed.ticket().version());
        ctx.json(written(changed));
    }

    private TicketResponse written(ChangedTicket changed) {
        return TicketResponse.of(changed.ticket(), changed.requesterName(), Optional.empty(), json);
    }

    private TicketResponse detail(StaffActor staff, TicketRef ticket) {
        TicketDetail detail = useCases.getTicket().handle(new GetTicket.Command(staff, ticket));
        List<MessageResponse> messages = detail.messages().stream()
                .map(m -> MessageResponse.of(
                        m,
                        detail.attachments(),
                        Optional.ofNullable(detail.emailRules().get(m.id()))))
                .collect(Collectors.toList());
        List<AttachmentResponse> filed = detail.attachments().stream()
                .filter(Attachment::filedWithTicket)
                .map(a -> AttachmentResponse.of(AttachmentView.of(a)))
                .toList();
        return TicketResponse.of(
                detail.ticket(), detail.requesterName(), Optional.of(messages), Optional.of(filed), json);
    }

    private static Optional<UserId> assignee(JsonNode value) {
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw ValidationFailed.of("assignee_id", "must be a person id or null");
        }
        return Optional.of(new UserId(UUID.fromString(value.asText())));
    }

    private static Optional<ArticleId> relatedArticle(JsonNode value) {
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw ValidationFailed.of("related_article", "must be an article id or null");
        }
        return Optional.of(new ArticleId(UUID.fromString(value.asText())));
    }

    private static Tags tags(JsonNode value) {
        if (!value.isArray()) {
            throw ValidationFailed.of("tags", "must be a list of tags");
        }
        List<String> raw = new ArrayList<>();
        value.forEach(tag -> {
            if (!tag.isTextual()) {
                throw ValidationFailed.of("tags", "every tag is text");
            }
            raw.add(tag.asText());
        });
        return Tags.of(raw);
    }

    private static CustomFields customFields(JsonNode value) {
        if (value == null || value.isNull()) {
            return CustomFields.EMPTY;
        }
        if (!value.isObject()) {
            throw ValidationFailed.of("custom_fields", "must be a JSON object");
        }
        return new CustomFields(value.toString());
    }
}
