package org.supportdesk.domain.visibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.supportdesk.domain.testing.TicketBuilder.aTicket;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.supportdesk.domain.tenant.Actor;
import org.supportdesk.domain.tenant.Author;
import org.supportdesk.domain.tenant.Category;
import org.supportdesk.domain.tenant.CustomerActor;
import org.supportdesk.domain.tenant.Organization;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.tenant.UserId;
import org.supportdesk.domain.testing.Changes;
import org.supportdesk.domain.testing.Fixtures;
import org.supportdesk.domain.testing.SequentialIds;
import org.supportdesk.domain.ticket.Body;
import org.supportdesk.domain.ticket.CustomFields;
import org.supportdesk.domain.ticket.Description;
import org.supportdesk.domain.ticket.Feedback;
import org.supportdesk.domain.ticket.Message;
import org.supportdesk.domain.ticket.MessageId;
import org.supportdesk.domain.ticket.MessageKind;
import org.supportdesk.domain.ticket.NewTicket;
import org.supportdesk.domain.ticket.PortalContext;
import org.supportdesk.domain.ticket.Priority;
import org.supportdesk.domain.ticket.Rating;
import org.supportdesk.domain.ticket.SlaTimes;
import org.supportdesk.domain.ticket.Subject;
import org.supportdesk.domain.ticket.Tags;
import org.supportdesk.domain.ticket.Ticket;
import org.supportdesk.domain.ticket.TicketId;
import org.supportdesk.domain.ticket.TicketNumber;
import org.supportdesk.domain.ticket.TicketSource;
import org.supportdesk.domain.ticket.TicketState;
import org.supportdesk.domain.ticket.TicketStatus;
import org.supportdesk.domain.ticket.Via;

/** §8: who sees which tickets, which messages, and which fields; and that the customer projection cannot leak. */
class TicketAccessTest {
    static final Organization SHARED = Fixtures.organization(Fixtures.TENANT, true);
    static final Organization PRIVATE = Fixtures.organization(Fixtures.TENANT, false);
    static final Person REQUESTER = Fixtures.member(SHARED, "Rita Requester");
    static final Person SHARED_MATE = Fixtures.member(SHARED, "Otto Orgmate");
    static final Person PRIVATE_REQUESTER = Fixtures.member(PRIVATE, "Pia Private");
    static final Person PRIVATE_MATE = Fixtures.member(PRIVATE, "Paul Private");
    static final Person LONE_CUSTOMER = Fixtures.customer(Fixtures.TENANT, "Lone Customer");
    static final Person AGENT = Fixtures.agent(Fixtures.TENANT);
    static final Person ADMIN = Fixtures.admin(Fixtures.TENANT);
    static final Person FOREIGN_ADMIN = Fixtures.admin(Fixtures.OTHER_TENANT, "Ada Admin");
    static final Person FOREIGN_REQUESTER_TWIN = Fixtures.customer(Fixtures.OTHER_TENANT, "Rita Requester");

    static final TicketState SHARED_TICKET = aTicket().requestedBy(REQUESTER).state();
    static final TicketState PRIVATE_TICKET = aTicket()
            .requestedBy(PRIVATE_REQUESTER)
            .numbered(new TicketNumber(2026, 43))
            .state();
    static final TicketState LONE_TICKET = aTicket()
            .requestedBy(LONE_CUSTOMER)
            .numbered(new TicketNumber(2026, 44))
            .state();

    enum Viewer {
        REQUESTER(Fixtures.asCustomer(TicketAccessTest.REQUESTER, SHARED)),
        SHARED_ORG_MATE(Fixtures.asCustomer(SHARED_MATE, SHARED)),
        PRIVATE_ORG_MATE(Fixtures.asCustomer(PRIVATE_MATE, PRIVATE)),
        OTHER_CUSTOMER(Fixtures.asCustomer(LONE_CUSTOMER)),
        AGENT(Fixtures.asStaff(TicketAccessTest.AGENT)),
        ADMIN(Fixtures.asStaff(TicketAccessTest.ADMIN)),
        SYSTEM(Fixtures.system(Fixtures.TENANT)),
        OTHER_TENANT_ADMIN(Fixtures.asStaff(FOREIGN_ADMIN)),
        OTHER_TENANT_CUSTOMER(Fixtures.asCustomer(FOREIGN_REQUESTER_TWIN)),
        OTHER_TENANT_SYSTEM(Fixtures.system(Fixtures.OTHER_TENANT));

        final Actor actor;

        Viewer(Actor actor) {
            this.actor = actor;
        }
    }

    // ---- messages -------------------------------------------------------------------------------------------------

    enum Kind {
        PUBLIC_BY_STAFF,
        PUBLIC_BY_CUSTOMER,
        INTERNAL_NOTE,
        SYSTEM_PUBLIC,
        SYSTEM_INTERNAL
    }

    /** §8 as a table: which viewer reads which kind of message on a ticket of their tenant. */
    static Stream<Arguments> message_matrix() {
        Map<Viewer, Set<Kind>> sees = new LinkedHashMap<>();
        Set<Kind> customerKinds = Set.of(Kind.PUBLIC_BY_STAFF, Kind.PUBLIC_BY_CUSTOMER, Kind.SYSTEM_PUBLIC);
        Set<Kind> everything = Set.of(Kind.values());
        sees.put(Viewer.REQUESTER, customerKinds);
        sees.put(Viewer.SHARED_ORG_MATE, customerKinds);
        sees.put(Viewer.AGENT, everything);
        sees.put(Viewer.ADMIN, everything);
        sees.put(Viewer.SYSTEM, everything);
        sees.put(Viewer.OTHER_TENANT_ADMIN, Set.of());
        sees.put(Viewer.OTHER_TENANT_CUSTOMER, Set.of());
        sees.put(Viewer.OTHER_TENANT_SYSTEM, Set.of());
        List<Arguments> cases = new ArrayList<>();
        sees.forEach((viewer, kinds) -> {
            for (Kind kind : Kind.values()) {
                cases.add(Arguments.of(viewer, kind, kinds.contains(kind)));
            }
        });
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} sees {1}: {2}")
    @MethodSource("message_matrix")
    void who_sees_which_kind_of_message(Viewer viewer, Kind kind, boolean sees) {
        Message message = message(kind, Changes.T0, 1);

        assertThat(TicketAccess.canSee(viewer.actor, message)).isEqualTo(sees);
        assertThat(TicketAccess.visibleMessages(viewer.actor, List.of(message))).hasSize(sees ? 1 : 0);
    }

    @Test
    void customers_get_message_views_only_of_what_they_may_see() {
        for (Kind kind : Kind.values()) {
            Message message = message(kind, Changes.T0, 1);
            if (message.customerVisible()) {
                CustomerMessageView view = TicketAccess.customerView(message, List.of());
                assertThat(view.id()).isEqualTo(message.id());
                assertThat(view.body()).isEqualTo(message.body());
            } else {
                assertThatThrownBy(() -> TicketAccess.customerView(message, List.of()))
                        .as("%s", kind)
                        .isInstanceOf(IllegalArgumentException.class);
            }
        }
        assertThatThrownBy(() -> new CustomerMessageView(
                        new MessageId(SequentialIds.uuid(1)),
                        "x",
                        Optional.empty(),
                        MessageKind.INTERNAL,
                        new Body("x"),
                        Via.API,
                        false,
                        Changes.T0,
                        List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void visible_messages_come_in_conversation_order() {
        Message third = message(Kind.PUBLIC_BY_STAFF, Changes.T0.plusSeconds(2), 3);
        Message first = message(Kind.SYSTEM_PUBLIC, Changes.T0, 1);
        Message second = message(Kind.PUBLIC_BY_CUSTOMER, Changes.T0, 2);
        Message hidden = message(Kind.INTERNAL_NOTE, Changes.T0.plusSeconds(1), 4);

        assertThat(TicketAccess.visibleMessages(Viewer.REQUESTER.actor, List.of(third, hidden, second, first)))
                .containsExactly(first, second, third);
        assertThat(TicketAccess.visibleMessages(Viewer.AGENT.actor, List.of(third, hidden, second, first)))
                .containsExactly(first, second, hidden, third);
    }

    // ---- tickets --------------------------------------------------------------------------------------------------

    static Stream<Arguments> ticket_matrix() {
        Map<Viewer, Set<String>> sees = new LinkedHashMap<>();
        Set<String> all = Set.of("shared", "private", "lone");
        sees.put(Viewer.REQUESTER, Set.of("shared"));
        sees.put(Viewer.SHARED_ORG_MATE, Set.of("shared"));
        sees.put(Viewer.PRIVATE_ORG_MATE, Set.of()); // the organisation does not share
        sees.put(Viewer.OTHER_CUSTOMER, Set.of("lone")); // their own only
        sees.put(Viewer.AGENT, all);
        sees.put(Viewer.ADMIN, all);
        sees.put(Viewer.SYSTEM, all);
        sees.put(Viewer.OTHER_TENANT_ADMIN, Set.of());
        sees.put(Viewer.OTHER_TENANT_CUSTOMER, Set.of());
        sees.put(Viewer.OTHER_TENANT_SYSTEM, Set.of());
        Map<String, TicketState> tickets =
                Map.of("shared", SHARED_TICKET, "private", PRIVATE_TICKET, "lone", LONE_TICKET);
        List<Arguments> cases = new ArrayList<>();
        sees.forEach((viewer, names) ->
                tickets.forEach((name, ticket) -> cases.add(Arguments.of(viewer, name, ticket, names.contains(name)))));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} sees the {1} ticket: {3}")
    @MethodSource("ticket_matrix")
    void who_sees_which_ticket(Viewer viewer, String name, TicketState ticket, boolean sees) {
        assertThat(TicketAccess.canSee(viewer.actor, ticket)).isEqualTo(sees);
    }

    @Test
    void the_requester_sees_their_ticket_even_when_their_organisation_does_not_share() {
        assertThat(TicketAccess.canSee(Fixtures.asCustomer(PRIVATE_REQUESTER, PRIVATE), PRIVATE_TICKET))
                .isTrue();
    }

    @Test
    void a_customer_with_the_same_id_in_another_tenant_sees_nothing() {
        CustomerActor twin = new CustomerActor(
                Fixtures.OTHER_TENANT, REQUESTER.id(), REQUESTER.name(), REQUESTER.organization(), true);

        assertThat(TicketAccess.canSee(twin, SHARED_TICKET)).isFalse();
    }

    @ParameterizedTest
    @MethodSource("every_viewer")
    void a_deleted_ticket_is_invisible_and_only_its_tenants_admins_may_see_it_to_restore_it(Viewer viewer) {
        TicketState deleted =
                aTicket().requestedBy(REQUESTER).deletedAt(Changes.T0).state();

        assertThat(TicketAccess.canSee(viewer.actor, deleted)).isFalse();
        assertThat(TicketAccess.canSeeDeleted(viewer.actor, deleted)).isEqualTo(viewer == Viewer.ADMIN);
    }

    static Stream<Viewer> every_viewer() {
        return Arrays.stream(Viewer.values());
    }

    @Test
    void a_customer_view_of_a_ticket_they_may_not_see_is_refused() {
        CustomerActor stranger = (CustomerActor) Viewer.OTHER_CUSTOMER.actor;

        assertThatThrownBy(() -> TicketAccess.customerView(stranger, SHARED_TICKET, "Requester", List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        TicketState deleted =
                aTicket().requestedBy(REQUESTER).deletedAt(Changes.T0).state();
        assertThatThrownBy(() -> TicketAccess.customerView(
                        (CustomerActor) Viewer.REQUESTER.actor, deleted, "Requester", List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---- fields ---------------------------------------------------------------------------------------------------

    /**
     * §8 and §17 for every field of a ticket: true where the customer's view carries it. Staff see the whole
     * {@link TicketState}. A new ticket field fails {@link #every_ticket_field_is_classified} until it is added here.
     */
    static final Map<String, Boolean> CUSTOMER_SEES_TICKET_FIELD = Map.ofEntries(
            Map.entry("id", true),
            Map.entry("number", true),
            Map.entry("subject", true),
            Map.entry("description", true),
            Map.entry("category", true),
            Map.entry("priority", true),
            Map.entry("status", true),
            Map.entry("requester", true), // §17: requester {id, name}
            Map.entry("createdAt", true),
            Map.entry("updatedAt", false), // moves on internal changes too
            Map.entry("customerUpdatedAt", true), // shown as updatedAt
            Map.entry("lastMessageAt", true), // recomputed over visible messages
            Map.entry("messagesCount", true), // recomputed over visible messages
            Map.entry("tenant", false),
            Map.entry("organization", false),
            Map.entry("assignee", false),
            Map.entry("assignedAt", false),
            Map.entry("tags", false),
            Map.entry("source", false),
            Map.entry("context", false),
            Map.entry("customFields", false),
            Map.entry("followUpOf", false),
            Map.entry("relatedArticle", true), // only while the article is published
            Map.entry("escalation", false),
            Map.entry("sla", false), // only resolvedAt and closedAt, below
            Map.entry("feedback", true), // §8: the requester's own feedback
            Map.entry("deletedAt", false),
            Map.entry("mergedInto", true), // §16: the link a merged ticket closes with, while it is merged
            Map.entry("version", false));

    static final Map<String, Boolean> CUSTOMER_SEES_SLA_FIELD = Map.of(
            "policyVersion", false,
            "calendarVersion", false,
            "firstResponseDueAt", false,
            "resolutionDueAt", false,
            "firstResponseBreachedAt", false,
            "resolutionBreachedAt", false,
            "firstRespondedAt", false,
            "resolvedAt", true,
            "closedAt", true);

    /** Ticket fields a customer sees under another name: the last change they can see is their updated_at. */
    static final Map<String, String> SHOWN_AS = Map.of("customerUpdatedAt", "updatedAt");

    /** Everything the customer's ticket view may have: §8's list, the requester, the counts, and the messages. */
    static final Set<String> CUSTOMER_TICKET_VIEW_ALLOWED = Set.of(
            "id",
            "number",
            "subject",
            "description",
            "category",
            "priority",
            "status",
            "requester",
            "requesterName", // §17: requester {id, name}
            "createdAt",
            "updatedAt",
            "resolvedAt",
            "closedAt",
            "messagesCount",
            "lastMessageAt",
            "messages",
            "attachments", // §8: the files filed with the ticket, as AttachmentView
            "feedback", // §8: the requester's own rating and comment
            "relatedArticle", // §3 related_article, while it is published
            "mergedInto"); // §16: which ticket this one is merged into, while it is

    /** A message as a customer sees it: no author id, only the display name and role (§8, §17). */
    static final Set<String> CUSTOMER_MESSAGE_VIEW_ALLOWED =
            Set.of("id", "authorName", "authorRole", "kind", "body", "via", "resolution", "createdAt", "attachments");

    static Set<String> components(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents())
                .map(RecordComponent::getName)
                .collect(Collectors.toSet());
    }

    @Test
    void every_ticket_field_is_classified() {
        assertThat(CUSTOMER_SEES_TICKET_FIELD.keySet()).isEqualTo(components(TicketState.class));
        assertThat(CUSTOMER_SEES_SLA_FIELD.keySet()).isEqualTo(components(SlaTimes.class));
    }

    @Test
    void the_customer_ticket_view_has_exactly_the_allowed_components() {
        assertThat(components(CustomerTicketView.class)).isEqualTo(CUSTOMER_TICKET_VIEW_ALLOWED);
        assertThat(components(CustomerMessageView.class)).isEqualTo(CUSTOMER_MESSAGE_VIEW_ALLOWED);
    }

    @Test
    void the_customer_ticket_view_carries_a_ticket_field_exactly_when_customers_may_see_it() {
        Set<String> view = components(CustomerTicketView.class);
        CUSTOMER_SEES_TICKET_FIELD.forEach((field, sees) -> {
            if (sees) {
                assertThat(view).as(field).contains(SHOWN_AS.getOrDefault(field, field));
            } else if (!SHOWN_AS.containsValue(field)) {
                assertThat(view).as(field).doesNotContain(field);
            }
        });
        CUSTOMER_SEES_SLA_FIELD.forEach((field, sees) ->
                assertThat(view.contains(field)).as("sla." + field).isEqualTo(sees));
    }

    @Test
    void no_component_of_the_customer_views_has_a_staff_only_type_or_name() {
        Set<Class<?>> staffOnly = Set.of(
                Tags.class,
                org.supportdesk.domain.ticket.Escalation.class,
                SlaTimes.class,
                CustomFields.class,
                Message.class,
                TicketState.class,
                Author.class);
        for (Class<? extends Record> view : List.of(CustomerTicketView.class, CustomerMessageView.class)) {
            for (RecordComponent component : view.getRecordComponents()) {
                assertThat(staffOnly)
                        .as("%s.%s", view.getSimpleName(), component.getName())
                        .doesNotContain(component.getType());
                assertThat(component.getName().toLowerCase())
                        .as("%s.%s", view.getSimpleName(), component.getName())
                        .doesNotContain(
                                "assign",
                                "tag",
                                "escalat",
                                "sla",
                                "due",
                                "breach",
                                "custom",
                                "internal",
                                "deleted",
                                "version",
                                "tenant",
                                "organization",
                                "authorid");
                if (component.getType() == UserId.class) {
                    assertThat(component.getName()).isEqualTo("requester");
                }
            }
        }
    }

    // ---- the customer view, end to end --------------------------------------------------------------------------

    @Test
    void the_view_counts_and_dates_only_the_messages_the_customer_can_see() {
        Instant t = Changes.T0;
        List<Message> messages = List.of(
                message(Kind.PUBLIC_BY_CUSTOMER, t.plusSeconds(10), 1),
                message(Kind.SYSTEM_PUBLIC, t.plusSeconds(20), 2),
                message(Kind.INTERNAL_NOTE, t.plusSeconds(30), 3),
                message(Kind.SYSTEM_INTERNAL, t.plusSeconds(40), 4));
        TicketState ticket = aTicket()
                .requestedBy(REQUESTER)
                .withMessages(4, t.plusSeconds(40))
                .state();

        CustomerTicketView view = TicketAccess.customerView(
                (CustomerActor) Viewer.REQUESTER.actor, ticket, "Requester", messages, List.of());

        assertThat(view.messagesCount()).isEqualTo(2);
        assertThat(view.lastMessageAt()).contains(t.plusSeconds(20));
        assertThat(view.messages())
                .extracting(CustomerMessageView::id)
                .containsExactly(new MessageId(SequentialIds.uuid(1)), new MessageId(SequentialIds.uuid(2)));
    }

    @Test
    void a_ticket_with_only_internal_messages_shows_no_messages_and_no_last_message_time() {
        List<Message> messages = List.of(message(Kind.INTERNAL_NOTE, Changes.T0, 1));
        TicketState ticket =
                aTicket().requestedBy(REQUESTER).withMessages(1, Changes.T0).state();

        CustomerTicketView view = TicketAccess.customerView(
                (CustomerActor) Viewer.SHARED_ORG_MATE.actor, ticket, "Requester", messages, List.of());

        assertThat(view.messagesCount()).isZero();
        assertThat(view.lastMessageAt()).isEmpty();
        assertThat(view.messages()).isEmpty();
    }

    @Test
    void the_view_shows_the_feedback_and_its_revision_moves_with_it() {
        TicketState resolved = aTicket()
                .requestedBy(REQUESTER)
                .withStatus(TicketStatus.RESOLVED)
                .state();
        Feedback feedback = new Feedback(new Rating(5), Optional.of("Spot on"), Changes.T0.plusSeconds(7200));
        TicketState rated = aTicket()
                .requestedBy(REQUESTER)
                .withStatus(TicketStatus.RESOLVED)
                .ratedWith(feedback)
                .state();

        for (Viewer viewer : List.of(Viewer.REQUESTER, Viewer.SHARED_ORG_MATE)) {
            CustomerActor customer = (CustomerActor) viewer.actor;
            CustomerTicketView before =
                    TicketAccess.customerView(customer, resolved, "Requester", List.of(), List.of());
            CustomerTicketView after = TicketAccess.customerView(customer, rated, "Requester", List.of(), List.of());

            assertThat(before.feedback()).isEmpty();
            assertThat(after.feedback()).contains(feedback);
            assertThat(after.revision()).isNotEqualTo(before.revision());
        }
    }

    @Test
    void nothing_staff_only_appears_anywhere_in_a_customer_view() {
        Changes changes = Changes.atT0();
        Person hiddenAssignee = Fixtures.agent(Fixtures.TENANT, "Zed Quietassignee");
        Actor agent = Viewer.AGENT.actor;
        Ticket ticket = Ticket.file(
                new NewTicket(
                        new TicketId(SequentialIds.uuid(5_000)),
                        new TicketNumber(2026, 77),
                        new Subject("VPN drops every hour"),
                        new Description("Since Monday."),
                        new Category("technical"),
                        Priority.HIGH,
                        REQUESTER.id(),
                        REQUESTER.organization(),
                        TicketSource.PORTAL,
                        PortalContext.NONE,
                        new CustomFields("{\"contract\":\"SECRET-CUSTOM-FIELD\"}"),
                        Optional.empty(),
                        1,
                        1),
                changes.by(Viewer.REQUESTER.actor));
        List<Message> conversation = new ArrayList<>();
        changes.advance(Duration.ofMinutes(1));
        ticket.addInternalNote(new Body("SECRET-NOTE: customer is on the churn list"), Via.API, changes.by(agent));
        changes.advance(Duration.ofMinutes(1));
        ticket.assign(Optional.of(hiddenAssignee), changes.by(agent));
        changes.advance(Duration.ofMinutes(1));
        ticket.escalate("SECRET-ESCALATION: VP complained", changes.by(agent));
        ticket.replaceTags(Tags.of(List.of("secret-tag")), changes.by(agent));
        changes.advance(Duration.ofMinutes(1));
        ticket.reply(new Body("Please restart the client."), Via.PORTAL, false, Duration.ofDays(7), changes.by(agent));
        ticket.changeStatus(TicketStatus.WAITING_ON_CUSTOMER, Optional.empty(), changes.by(agent));
        conversation.addAll(ticket.newMessages());
        TicketState state = ticket.state();

        for (Viewer viewer : List.of(Viewer.REQUESTER, Viewer.SHARED_ORG_MATE)) {
            CustomerTicketView view = TicketAccess.customerView(
                    (CustomerActor) viewer.actor, state, "Requester", conversation, List.of());

            List<String> texts = new ArrayList<>();
            walk(view, texts);
            texts.add(view.toString());
            List<String> secrets = List.of(
                    "SECRET",
                    "churn",
                    "secret-tag",
                    hiddenAssignee.name(),
                    hiddenAssignee.id().toString(),
                    "Escalat",
                    "Assigned");
            for (String secret : secrets) {
                assertThat(texts).as("%s's view mentions %s", viewer, secret).noneMatch(text -> text.contains(secret));
            }
            assertThat(view.messages()).extracting(CustomerMessageView::kind).doesNotContain(MessageKind.INTERNAL);
            assertThat(view.messagesCount()).isEqualTo(3); // the reply and two public status messages
            assertThat(texts).anyMatch(text -> text.contains("Please restart the client."));
        }
    }

    /** Collects the text of every value reachable from {@code value} through record components and containers. */
    private static void walk(Object value, List<String> texts) {
        if (value == null) {
            return;
        }
        texts.add(String.valueOf(value));
        if (value instanceof Optional) {
            ((Optional<?>) value).ifPresent(inner -> walk(inner, texts));
        } else if (value instanceof Collection) {
            ((Collection<?>) value).forEach(inner -> walk(inner, texts));
        } else if (value instanceof Record) {
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                try {
                    walk(component.getAccessor().invoke(value), texts);
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError("cannot read " + component, e);
                }
            }
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    // ---- attachments ----------------------------------------------------------------------------------------------

    private static org.supportdesk.domain.attachment.Attachment upload(long id, Person uploader) {
        return new org.supportdesk.domain.attachment.Attachment(
                new org.supportdesk.domain.ticket.AttachmentId(SequentialIds.uuid(id)),
                uploader.tenant(),
                uploader.id(),
                org.supportdesk.domain.attachment.FileName.sanitise("file-" + id + ".png"),
                org.supportdesk.domain.attachment.AttachmentType.PNG,
                10,
                new org.supportdesk.domain.attachment.ContentDigest("a".repeat(64)),
                Changes.T0,
                Optional.empty());
    }

    @Test
    void an_attachment_is_seen_by_whoever_sees_what_it_is_linked_to_and_an_upload_only_by_its_uploader() {
        Message reply = message(Kind.PUBLIC_BY_STAFF, Changes.T0, 1);
        Message note = message(Kind.INTERNAL_NOTE, Changes.T0, 2);
        var filed = upload(10, REQUESTER).linkedTo(SHARED_TICKET.id(), Optional.empty(), Changes.T0);
        var onReply = upload(11, AGENT).linkedTo(SHARED_TICKET.id(), Optional.of(reply.id()), Changes.T0);
        var onNote = upload(12, AGENT).linkedTo(SHARED_TICKET.id(), Optional.of(note.id()), Changes.T0);
        var unlinked = upload(13, REQUESTER);
        Optional<TicketState> ticket = Optional.of(SHARED_TICKET);

        for (Viewer viewer : Viewer.values()) {
            boolean customerOfTicket = viewer == Viewer.REQUESTER || viewer == Viewer.SHARED_ORG_MATE;
            boolean staffOfTenant = viewer == Viewer.AGENT || viewer == Viewer.ADMIN || viewer == Viewer.SYSTEM;
            assertThat(TicketAccess.canSee(viewer.actor, filed, ticket, Optional.empty()))
                    .as("%s, a file filed with the ticket", viewer)
                    .isEqualTo(customerOfTicket || staffOfTenant);
            assertThat(TicketAccess.canSee(viewer.actor, onReply, ticket, Optional.of(reply)))
                    .as("%s, a public reply's file", viewer)
                    .isEqualTo(customerOfTicket || staffOfTenant);
            assertThat(TicketAccess.canSee(viewer.actor, onNote, ticket, Optional.of(note)))
                    .as("%s, an internal note's file", viewer)
                    .isEqualTo(staffOfTenant);
            assertThat(TicketAccess.canSee(viewer.actor, unlinked, Optional.empty(), Optional.empty()))
                    .as("%s, the requester's unlinked upload", viewer)
                    .isEqualTo(viewer == Viewer.REQUESTER);
        }
        // A message given for the wrong attachment, or a ticket that is gone, never opens it.
        assertThat(TicketAccess.canSee(Viewer.AGENT.actor, onNote, ticket, Optional.of(reply)))
                .isFalse();
        assertThat(TicketAccess.canSee(Viewer.AGENT.actor, onReply, Optional.empty(), Optional.of(reply)))
                .isFalse();
    }

    @Test
    void a_customer_view_carries_only_the_files_of_what_the_customer_sees() {
        Message reply = message(Kind.PUBLIC_BY_STAFF, Changes.T0, 1);
        Message note = message(Kind.INTERNAL_NOTE, Changes.T0, 2);
        var filed = upload(10, REQUESTER).linkedTo(SHARED_TICKET.id(), Optional.empty(), Changes.T0);
        var onReply = upload(11, AGENT).linkedTo(SHARED_TICKET.id(), Optional.of(reply.id()), Changes.T0);
        var onNote = upload(12, AGENT).linkedTo(SHARED_TICKET.id(), Optional.of(note.id()), Changes.T0);
        List<org.supportdesk.domain.attachment.Attachment> all = List.of(filed, onReply, onNote);

        CustomerTicketView view = TicketAccess.customerView(
                (CustomerActor) Viewer.REQUESTER.actor, SHARED_TICKET, "Requester", List.of(reply, note), all);

        assertThat(view.attachments()).extracting(AttachmentView::id).containsExactly(filed.id());
        assertThat(view.messages()).hasSize(1);
        assertThat(view.messages().get(0).attachments())
                .extracting(AttachmentView::id)
                .containsExactly(onReply.id());
        assertThat(TicketAccess.visibleAttachments(Viewer.REQUESTER.actor, List.of(reply, note), all))
                .containsExactly(filed, onReply);
        assertThat(TicketAccess.visibleAttachments(Viewer.AGENT.actor, List.of(reply, note), all))
                .containsExactly(filed, onReply, onNote);
        assertThat(view.revision())
                .isNotEqualTo(TicketAccess.customerView(
                                (CustomerActor) Viewer.REQUESTER.actor,
                                SHARED_TICKET,
                                "Requester",
                                List.of(reply, note),
                                List.of())
                        .revision());
    }

    private static Message message(Kind kind, Instant at, long id) {
        Author staff = Fixtures.asStaff(AGENT).asAuthor();
        Author customer = Fixtures.asCustomer(REQUESTER, SHARED).asAuthor();
        switch (kind) {
            case PUBLIC_BY_STAFF:
                return message(id, staff, MessageKind.PUBLIC, true, "We are on it.", at);
            case PUBLIC_BY_CUSTOMER:
                return message(id, customer, MessageKind.PUBLIC, true, "Thanks.", at);
            case INTERNAL_NOTE:
                return message(id, staff, MessageKind.INTERNAL, false, "SECRET internal note", at);
            case SYSTEM_PUBLIC:
                return message(id, Author.SYSTEM, MessageKind.SYSTEM, true, "Status changed", at);
            case SYSTEM_INTERNAL:
                return message(id, Author.SYSTEM, MessageKind.SYSTEM, false, "Assigned to Alex Agent", at);
            default:
                throw new IllegalStateException(kind.name());
        }
    }

    private static Message message(
            long id, Author author, MessageKind kind, boolean customerVisible, String body, Instant at) {
        return new Message(
                new MessageId(SequentialIds.uuid(id)),
                Fixtures.TENANT,
                SHARED_TICKET.id(),
                author,
                kind,
                customerVisible,
                new Body(body),
                kind == MessageKind.SYSTEM ? Via.SYSTEM : Via.PORTAL,
                false,
                at);
    }
}
