package org.supportdesk.domain.ticket;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.supportdesk.domain.kb.ArticleId;
import org.supportdesk.domain.problem.Conflict;
import org.supportdesk.domain.problem.Forbidden;
import org.supportdesk.domain.problem.ValidationFailed;
import org.supportdesk.domain.tenant.Actor;
import org.supportdesk.domain.tenant.ActorKind;
import org.supportdesk.domain.tenant.Author;
import org.supportdesk.domain.tenant.Category;
import org.supportdesk.domain.tenant.CustomerActor;
import org.supportdesk.domain.tenant.OrganizationId;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.UserId;

/**
 * The ticket aggregate: every change goes through a behaviour method checked against {@link Lifecycle}, and every
 * status change, explicit or implicit, through one {@link #moveTo} that keeps timestamps, history and the conversation
 * in step. Each method records the events and messages it caused; the caller persists them with the state.
 */
public final class Ticket {
    private final TicketId id;
    private final TenantId tenant;
    private final TicketNumber number;
    private final UserId requester;
    private final Optional<OrganizationId> organization;
    private final TicketSource source;
    private final PortalContext context;
    private final Optional<TicketId> followUpOf;
    private final Instant createdAt;
    private final long persistedVersion;

    private Subject subject;
    private Description description;
    private Category category;
    private Priority priority;
    private TicketStatus status;
    private Optional<UserId> assignee;
    private Optional<Instant> assignedAt;
    private Tags tags;
    private CustomFields customFields;
    private Optional<ArticleId> relatedArticle;
    private Optional<Escalation> escalation;
    private SlaTimes sla;
    private Optional<Feedback> feedback;
    private Instant updatedAt;
    private Instant customerUpdatedAt;
    private Optional<Instant> lastMessageAt;
    private int messagesCount;
    private Optional<Instant> deletedAt;
    private Optional<MergedInto> mergedInto;
    private long version;

    private final List<TicketEvent> events = new ArrayList<>();
    private final List<Message> newMessages = new ArrayList<>();

    private Ticket(TicketState s, long persistedVersion) {
        id = s.id();
        tenant = s.tenant();
        number = s.number();
        requester = s.requester();
        organization = s.organization();
        source = s.source();
        context = s.context();
        followUpOf = s.followUpOf();
        createdAt = s.createdAt();
        subject = s.subject();
        description = s.description();
        category = s.category();
        priority = s.priority();
        status = s.status();
        assignee = s.assignee();
        assignedAt = s.assignedAt();
        tags = s.tags();
        customFields = s.customFields();
        relatedArticle = s.relatedArticle();
        escalation = s.escalation();
        sla = s.sla();
        feedback = s.feedback();
        updatedAt = s.updatedAt();
        customerUpdatedAt = s.customerUpdatedAt();
        lastMessageAt = s.lastMessageAt();
        messagesCount = s.messagesCount();
        deletedAt = s.deletedAt();
        mergedInto = s.mergedInto();
        version = s.version();
        this.persistedVersion = persistedVersion;
    }

    /** Rebuilds a stored ticket; the way back in for adapters. */
    public static Ticket restore(TicketState state) {
        return new Ticket(Objects.requireNonNull(state, "state"), state.version());
    }

    /** Files a new ticket in {@code new}; the actor is the requester or staff filing on their behalf. */
    public static Ticket file(NewTicket spec, ChangeContext change) {
        Actor actor = change.actor();
        if (actor instanceof CustomerActor customer && !customer.id().equals(spec.requester())) {
            throw new Forbidden("customers file tickets for themselves");
        }
        if (actor.kind() == ActorKind.SYSTEM) {
            throw new Forbidden("tickets are filed by people");
        }
        Instant at = change.at();
        Ticket ticket = new Ticket(
                new TicketState(
                        spec.id(),
                        actor.tenant(),
                        spec.number(),
                        spec.subject(),
                        spec.description(),
                        spec.category(),
                        spec.priority(),
                        TicketStatus.NEW,
                        spec.requester(),
                        spec.organization(),
                        Optional.empty(),
                        Optional.empty(),
                        Tags.NONE,
                        spec.source(),
                        spec.context(),
                        spec.customFields(),
                        spec.followUpOf(),
                        spec.relatedArticle(),
                        Optional.empty(),
                        SlaTimes.measuredUnder(spec.policyVersion(), spec.calendarVersion()),
                        Optional.empty(),
                        at,
                        at,
                        at,
                        Optional.empty(),
                        0,
                        Optional.empty(),
                        Optional.empty(),
                        1),
                0);
        ticket.events.add(new TicketFiled(ticket.tenant, ticket.id, actor.asAuthor(), at, spec.priority()));
        return ticket;
    }

    // ---- the conversation ----------------------------------------------------------------------------------------

    /**
     * Posts a public reply. A customer's reply moves {@code waiting_on_customer} back to {@code in_progress} and
     * reopens a {@code resolved} ticket within the reopen window; staff's first public reply sets
     * {@code first_responded_at} and moves {@code new} to {@code in_progress}.
     */
    public Message reply(Body body, Via via, boolean resolution, Duration reopenWindow, ChangeContext change) {
        requireSameTenant(change);
        requireNotClosed();
        Actor actor = change.actor();
        Instant at = change.at();
        if (actor.kind() == ActorKind.SYSTEM) {
            throw new Forbidden("replies come from people");
        }
        boolean customer = actor.kind() == ActorKind.CUSTOMER;
        if (customer && resolution) {
            throw ValidationFailed.of("is_resolution", "only staff mark the message that resolved a ticket");
        }
        if (customer
                && status == TicketStatus.RESOLVED
                && at.isAfter(sla.resolvedAt().orElseThrow().plus(reopenWindow))) {
            throw new FollowUpRequired(id, number);
        }
        Message message = post(actor.asAuthor(), MessageKind.PUBLIC, true, body, via, resolution, change);
        if (customer) {
            if (status == TicketStatus.WAITING_ON_CUSTOMER) {
                moveTo(TicketStatus.IN_PROGRESS, Trigger.CUSTOMER_REPLY, Optional.of("customer replied"), change);
            } else if (status == TicketStatus.RESOLVED) {
                moveTo(
                        TicketStatus.IN_PROGRESS,
                        Trigger.CUSTOMER_REPLY,
                        Optional.of("reopened by a customer reply"),
                        change);
            }
        } else {
            if (sla.firstRespondedAt().isEmpty()) {
                sla = sla.withFirstRespondedAt(at);
            }
            if (status == TicketStatus.NEW) {
                moveTo(TicketStatus.IN_PROGRESS, Trigger.STAFF, Optional.of("first public reply"), change);
            }
        }
        return message;
    }

    /** Adds a staff-only note; it changes no status and starts no clock. */
    public Message addInternalNote(Body body, Via via, ChangeContext change) {
        requireSameTenant(change);
        requireNotClosed();
        requireStaff(change.actor(), "only staff write internal notes");
        return post(change.actor().asAuthor(), MessageKind.INTERNAL, false, body, via, false, change);
    }

    private Message post(
            Author author,
            MessageKind kind,
            boolean customerVisible,
            Body body,
            Via via,
            boolean resolution,
            ChangeContext change) {
        Message message = new Message(
                new MessageId(change.ids().get()),
                tenant,
                id,
                author,
                kind,
                customerVisible,
                body,
                via,
                resolution,
                change.at());
        newMessages.add(message);
        messagesCount++;
        lastMessageAt = Optional.of(change.at());
        touch(change.at(), customerVisible);
        events.add(new MessagePosted(tenant, id, author, change.at(), message.id(), kind, customerVisible));
        return message;
    }

    private void systemMessage(boolean customerVisible, String text, ChangeContext change) {
        post(Author.SYSTEM, MessageKind.SYSTEM, customerVisible, new Body(text), Via.SYSTEM, false, change);
    }

    /**
     * Staff split the {@code chosen} messages of this ticket's {@code conversation} (all of it, oldest first) off to the
     * new ticket {@code to} (§16): answers them, oldest first, for the caller to move, and counts only the messages that
     * stay. Every chosen id must be one of this ticket's messages; the ticket must not be closed.
     */
    public List<Message> splitOff(
            List<Message> conversation, Set<MessageId> chosen, TicketId to, ChangeContext change) {
        requireSameTenant(change);
        requireNotClosed();
        requireStaff(change.actor(), "only staff split tickets");
        if (chosen.isEmpty()) {
            throw ValidationFailed.of("message_ids", "name at least one message to split off");
        }
        Set<MessageId> ours = conversation.stream().map(Message::id).collect(Collectors.toSet());
        if (!ours.containsAll(chosen)) {
            throw ValidationFailed.of("message_ids", "every message must be one of " + number + "'s");
        }
        List<Message> moved =
                conversation.stream().filter(m -> chosen.contains(m.id())).toList();
        List<Message> staying =
                conversation.stream().filter(m -> !chosen.contains(m.id())).toList();
        messagesCount = staying.size();
        lastMessageAt = staying.stream().map(Message::createdAt).max(Comparator.naturalOrder());
        recordSplit(TicketSplit.Side.SOURCE, to, moved, change);
        return moved;
    }

    /** This new ticket takes the messages split off ticket {@code from} ({@link #splitOff}). */
    public void takeSplitMessages(List<Message> moved, TicketId from, ChangeContext change) {
        requireSameTenant(change);
        messagesCount += moved.size();
        lastMessageAt = Stream.concat(lastMessageAt.stream(), moved.stream().map(Message::createdAt))
                .max(Comparator.naturalOrder());
        recordSplit(TicketSplit.Side.SPLIT_OFF, from, moved, change);
    }

    private void recordSplit(TicketSplit.Side side, TicketId other, List<Message> moved, ChangeContext change) {
        touch(change.at(), true);
        events.add(new TicketSplit(
                tenant,
                id,
                change.actor().asAuthor(),
                change.at(),
                side,
                other,
                moved.stream().map(Message::id).toList()));
    }

    // ---- merge (§16) ---------------------------------------------------------------------------------------------

    /**
     * Staff merge this ticket into {@code target}: this one closes with a link to it, its messages and files staying
     * its own, read by reference in the target's conversation. What the merge overwrites is kept for {@link #unmerge}
     * to restore. The merge is no status change in the SLA timeline, so a ticket merged and unmerged has the clocks of
     * one never merged. Both must be open; tickets of different requesters merge only when {@code
     * differentRequesterConfirmed}, since each requester then reads the other's conversation if they may see it.
     */
    public void mergeInto(TicketState target, boolean differentRequesterConfirmed, ChangeContext change) {
        requireSameTenant(change);
        requireStaff(change.actor(), "only staff merge tickets");
        requireNotClosed();
        if (target.id().equals(id) || !target.tenant().equals(tenant)) {
            throw ValidationFailed.of("into", "name another ticket of the tenant to merge " + number + " into");
        }
        if (target.status() == TicketStatus.CLOSED) {
            throw new TicketClosed(target.number());
        }
        if (!target.requester().equals(requester) && !differentRequesterConfirmed) {
            throw new Conflict(number + " and " + target.number() + " have different requesters, who would read each"
                    + " other's messages; send \"confirm_different_requester\": true to merge them anyway");
        }
        Instant at = change.at();
        mergedInto = Optional.of(new MergedInto(target.id(), at, status, updatedAt, customerUpdatedAt));
        status = TicketStatus.CLOSED;
        sla = sla.withClosedAt(Optional.of(at));
        touch(at, true);
        events.add(new TicketMerged(
                tenant, id, change.actor().asAuthor(), at, TicketMerged.Side.SOURCE, target.id(), false));
    }

    /**
     * This ticket takes ticket {@code source} merged into it ({@link #mergeInto}): journaled, and a new version, since
     * its conversation now reads more; its fields and {@code updated_at} stay, so an unmerge leaves it as it was.
     */
    public void takeMerged(TicketId source, ChangeContext change) {
        requireSameTenant(change);
        requireStaff(change.actor(), "only staff merge tickets");
        nextVersion();
        events.add(new TicketMerged(
                tenant, id, change.actor().asAuthor(), change.at(), TicketMerged.Side.TARGET, source, false));
    }

    /**
     * Staff take this ticket's merge back: it is again exactly as it was before the merge (status, open, when it last
     * changed), only its version moving on, as it does on every change. Answers the ticket it was merged into.
     */
    public TicketId unmerge(ChangeContext change) {
        requireSameTenant(change);
        requireStaff(change.actor(), "only staff unmerge tickets");
        MergedInto merge = mergedInto.orElseThrow(() -> new Conflict("Ticket " + number + " is not merged"));
        status = merge.statusBefore();
        sla = sla.withClosedAt(Optional.empty());
        mergedInto = Optional.empty();
        touch(change.at(), true);
        updatedAt = merge.updatedAtBefore();
        customerUpdatedAt = merge.customerUpdatedAtBefore();
        events.add(new TicketMerged(
                tenant, id, change.actor().asAuthor(), change.at(), TicketMerged.Side.SOURCE, merge.ticket(), true));
        return merge.ticket();
    }

    /** Ticket {@code source}, merged into this one, is unmerged ({@link #unmerge}): journaled, at a new version. */
    public void releaseMerged(TicketId source, ChangeContext change) {
        requireSameTenant(change);
        requireStaff(change.actor(), "only staff unmerge tickets");
        nextVersion();
        events.add(new TicketMerged(
                tenant, id, change.actor().asAuthor(), change.at(), TicketMerged.Side.TARGET, source, true));
    }

    // ---- the lifecycle -------------------------------------------------------------------------------------------

    /** Staff move the ticket to {@code to}; answers false when it is already there. */
    public boolean changeStatus(TicketStatus to, Optional<String> reason, ChangeContext change) {
        requireSameTenant(change);
        Objects.requireNonNull(to, "to");
        requireStaff(change.actor(), "only staff change a ticket's status");
        if (status != TicketStatus.CLOSED && to == status) {
            return false;
        }
        Lifecycle.check(status, to, Trigger.STAFF);
        moveTo(to, Trigger.STAFF, reason, change);
        return true;
    }

    /** The requester closes their open ticket or confirms a resolved one (§4). */
    public void closeAsCustomer(Optional<String> reason, ChangeContext change) {
        requireSameTenant(change);
        if (!(change.actor() instanceof CustomerActor customer)
                || !customer.id().equals(requester)) {
            throw new Forbidden("only the requester closes or confirms their ticket");
        }
        Lifecycle.check(status, TicketStatus.CLOSED, Trigger.CUSTOMER_CLOSE);
        String defaultReason = status == TicketStatus.RESOLVED ? "resolution confirmed" : "no longer needed";
        moveTo(TicketStatus.CLOSED, Trigger.CUSTOMER_CLOSE, reason.or(() -> Optional.of(defaultReason)), change);
    }

    /** Closes a resolved ticket the customer left alone for {@code delay}; answers whether it closed. */
    public boolean autoCloseIfDue(Duration delay, ChangeContext change) {
        requireSameTenant(change);
        if (change.actor().kind() != ActorKind.SYSTEM) {
            throw new Forbidden("only Supportdesk auto-closes tickets");
        }
        // Strictly after the delay: at the very end of the reopen window a customer reply still wins.
        if (status != TicketStatus.RESOLVED
                || !change.at().isAfter(sla.resolvedAt().orElseThrow().plus(delay))) {
            return false;
        }
        moveTo(TicketStatus.CLOSED, Trigger.AUTO_CLOSE, Optional.of("no reply since it was resolved"), change);
        return true;
    }

    private void moveTo(TicketStatus to, Trigger trigger, Optional<String> reason, ChangeContext change) {
        Lifecycle.check(status, to, trigger);
        TicketStatus from = status;
        Instant at = change.at();
        status = to;
        if (to == TicketStatus.RESOLVED) {
            sla = sla.withResolvedAt(Optional.of(at));
        } else if (from == TicketStatus.RESOLVED && to != TicketStatus.CLOSED) {
            sla = sla.withResolvedAt(Optional.empty());
        }
        if (to == TicketStatus.CLOSED) {
            sla = sla.withClosedAt(Optional.of(at));
        }
        touch(at, true);
        events.add(new StatusChanged(tenant, id, change.actor().asAuthor(), at, from, to, trigger, reason));
        systemMessage(
                true,
                "Status changed from " + from.wireName() + " to " + to.wireName()
                        + reason.map(r -> ": " + r).orElse(""),
                change);
    }

    // ---- assignment and escalation -------------------------------------------------------------------------------

    /**
     * Gives the ticket to an active agent or admin of the tenant, or takes it away (empty); assigning a {@code new}
     * ticket moves it to {@code in_progress}. Answers false when the assignee is unchanged.
     */
    public boolean assign(Optional<Person> to, ChangeContext change) {
        requireSameTenant(change);
        requireNotClosed();
        requireStaff(change.actor(), "only staff assign tickets");
        to.ifPresent(person -> {
            if (!person.isAssignable() || !person.tenant().equals(tenant)) {
                throw ValidationFailed.of("assignee_id", "must be an active agent or admin of the tenant");
            }
        });
        Optional<UserId> newAssignee = to.map(Person::id);
        if (newAssignee.equals(assignee)) {
            return false;
        }
        Optional<UserId> previous = assignee;
        assignee = newAssignee;
        assignedAt = newAssignee.map(a -> change.at());
        touch(change.at(), false);
        events.add(new TicketAssigned(tenant, id, change.actor().asAuthor(), change.at(), previous, newAssignee));
        systemMessage(false, to.map(p -> "Assigned to " + p.name()).orElse("Unassigned"), change);
        if (to.isPresent() && status == TicketStatus.NEW) {
            moveTo(TicketStatus.IN_PROGRESS, Trigger.STAFF, Optional.of("work started"), change);
        }
        return true;
    }

    /** Escalates the ticket with a reason; answers false when it is already escalated. */
    public boolean escalate(String reason, ChangeContext change) {
        requireSameTenant(change);
        requireNotClosed();
        if (change.actor().kind() == ActorKind.CUSTOMER) {
            throw new Forbidden("only staff escalate tickets");
        }
        Escalation raised = new Escalation(change.at(), reason);
        if (escalation.isPresent()) {
            return false;
        }
        escalation = Optional.of(raised);
        touch(change.at(), false);
        events.add(new TicketEscalated(tenant, id, change.actor().asAuthor(), change.at(), raised.reason()));
        systemMessage(false, "Escalated: " + raised.reason(), change);
        return true;
    }

    /** Lifts the escalation; answers false when the ticket is not escalated. */
    public boolean deescalate(ChangeContext change) {
        requireSameTenant(change);
        requireNotClosed();
        requireStaff(change.actor(), "only staff de-escalate tickets");
        if (escalation.isEmpty()) {
            return false;
        }
        String reason = escalation.get().reason();
        escalation = Optional.empty();
        touch(change.at(), false);
        events.add(new TicketDeescalated(tenant, id, change.actor().asAuthor(), change.at(), reason));
        systemMessage(false, "Escalation lifted", change);
        return true;
    }

    // ---- plain fields --------------------------------------------------------------------------------------------

    /** Answers false when the priority is unchanged. */
    public boolean changePriority(Priority to, ChangeContext change) {
        Priority before = priority;
        return update(TicketField.PRIORITY, before.wireName(), to.wireName(), () -> priority = to, change);
    }

    /** Answers false when the category is unchanged; the caller checks it is one of the tenant's. */
    public boolean changeCategory(Category to, ChangeContext change) {
        Category before = category;
        return update(TicketField.CATEGORY, before.value(), to.value(), () -> category = to, change);
    }

    /** Replaces the whole tag set; answers false when it is the same set. */
    public boolean replaceTags(Tags to, ChangeContext change) {
        Tags before = tags;
        return update(TicketField.TAGS, before.toString(), to.toString(), () -> tags = to, change);
    }

    /** Answers false when the subject is unchanged. */
    public boolean changeSubject(Subject to, ChangeContext change) {
        Subject before = subject;
        return update(TicketField.SUBJECT, before.value(), to.value(), () -> subject = to, change);
    }

    /** Answers false when the custom fields are unchanged. */
    public boolean changeCustomFields(CustomFields to, ChangeContext change) {
        CustomFields before = customFields;
        return update(TicketField.CUSTOM_FIELDS, before.json(), to.json(), () -> customFields = to, change);
    }

    /**
     * Names the knowledge-base article the ticket relates to, or none; answers false when it is unchanged. The caller
     * checked the article is the tenant's, and says whether the requester sees the change: they see a related article
     * only while it is published (§8), so naming or dropping a draft tells them nothing.
     */
    public boolean relateArticle(Optional<ArticleId> to, boolean requesterSees, ChangeContext change) {
        Optional<ArticleId> before = relatedArticle;
        return update(
                TicketField.RELATED_ARTICLE,
                before.map(ArticleId::toString).orElse(null),
                to.map(ArticleId::toString).orElse(null),
                requesterSees,
                () -> relatedArticle = to,
                change);
    }

    private boolean update(TicketField field, String before, String after, Runnable apply, ChangeContext change) {
        return update(field, before, after, field.customerVisible(), apply, change);
    }

    private boolean update(
            TicketField field,
            String before,
            String after,
            boolean customerVisible,
            Runnable apply,
            ChangeContext change) {
        requireSameTenant(change);
        requireNotClosed();
        requireStaff(change.actor(), "only staff change a ticket's " + field.wireName());
        if (Objects.equals(before, after)) {
            return false;
        }
        apply.run();
        touch(change.at(), customerVisible);
        events.add(new TicketUpdated(tenant, id, change.actor().asAuthor(), change.at(), field, before, after));
        return true;
    }

    // ---- SLA -----------------------------------------------------------------------------------------------------

    /**
     * Caches the due times the SLA calculation gave (empty for a paused or stopped clock). A cache, not a change: it
     * records no event and moves no version. Answers whether the cached values changed.
     */
    public boolean cacheSlaDueTimes(Optional<Instant> firstResponseDue, Optional<Instant> resolutionDue) {
        SlaTimes cached = sla.withDueTimes(firstResponseDue, resolutionDue);
        boolean changed = !cached.equals(sla);
        sla = cached;
        return changed;
    }

    /**
     * Records that {@code target} was breached at {@code breachedAt}, once: escalates the ticket naming the target
     * (unless it is escalated already) and notes it internally. Answers false when the breach was already recorded.
     */
    public boolean recordBreach(SlaTarget target, Instant breachedAt, ChangeContext change) {
        requireSameTenant(change);
        if (change.actor().kind() != ActorKind.SYSTEM) {
            throw new Forbidden("only Supportdesk records SLA breaches");
        }
        if (sla.breachedAt(target).isPresent()) {
            return false;
        }
        Instant breached = breachedAt.truncatedTo(ChronoUnit.MICROS);
        sla = sla.withBreach(target, breached);
        touch(change.at(), false);
        events.add(new SlaBreached(tenant, id, Author.SYSTEM, change.at(), target, breached));
        systemMessage(false, "SLA " + target.wireName().replace('_', ' ') + " target breached at " + breached, change);
        if (escalation.isEmpty() && status != TicketStatus.CLOSED) {
            escalate("SLA breached: " + target.wireName(), change);
        }
        return true;
    }

    // ---- feedback ------------------------------------------------------------------------------------------------

    /**
     * The requester rates how the ticket was handled, once, when it is resolved or closed (§9, §17: an
     * organisation-mate may read and reply, not rate). Closed tickets take feedback: it changes nothing of the work.
     */
    public Feedback giveFeedback(Rating rating, Optional<String> comment, ChangeContext change) {
        requireSameTenant(change);
        if (!(change.actor() instanceof CustomerActor customer)
                || !customer.id().equals(requester)) {
            throw new Forbidden("only the requester rates their ticket");
        }
        if (mergedInto.isPresent()) {
            throw new Conflict("Ticket " + number + " is merged into another; rate that one");
        }
        if (status != TicketStatus.RESOLVED && status != TicketStatus.CLOSED) {
            throw FeedbackRefused.notYetResolved(number, status);
        }
        if (feedback.isPresent()) {
            throw FeedbackRefused.alreadyGiven(number);
        }
        Feedback given = new Feedback(rating, comment, change.at());
        feedback = Optional.of(given);
        touch(change.at(), true);
        events.add(new FeedbackGiven(tenant, id, change.actor().asAuthor(), change.at(), given));
        return given;
    }

    // ---- soft delete ---------------------------------------------------------------------------------------------

    /** An admin hides the ticket from every read but restore; answers false when it is already deleted. */
    public boolean softDelete(ChangeContext change) {
        requireSameTenant(change);
        requireAdmin(change.actor(), "only admins delete tickets");
        if (deletedAt.isPresent()) {
            return false;
        }
        deletedAt = Optional.of(change.at());
        touch(change.at(), false);
        events.add(new TicketDeleted(tenant, id, change.actor().asAuthor(), change.at()));
        return true;
    }

    /** An admin brings a soft-deleted ticket back; answers false when it is not deleted. */
    public boolean restoreDeleted(ChangeContext change) {
        requireSameTenant(change);
        requireAdmin(change.actor(), "only admins restore tickets");
        if (deletedAt.isEmpty()) {
            return false;
        }
        deletedAt = Optional.empty();
        touch(change.at(), false);
        events.add(new TicketRestored(tenant, id, change.actor().asAuthor(), change.at()));
        return true;
    }

    // ---- guards and bookkeeping ----------------------------------------------------------------------------------

    /** Refuses an actor of another tenant, whatever the caller checked before. */
    private void requireSameTenant(ChangeContext change) {
        if (!change.actor().tenant().equals(tenant)) {
            throw new TicketNotFound();
        }
    }

    private void requireNotClosed() {
        if (status == TicketStatus.CLOSED) {
            throw new TicketClosed(number);
        }
    }

    private static void requireStaff(Actor actor, String why) {
        if (actor.kind() != ActorKind.STAFF) {
            throw new Forbidden(why);
        }
    }

    private static void requireAdmin(Actor actor, String why) {
        if (!(actor instanceof StaffActor staff) || !staff.isAdmin()) {
            throw new Forbidden(why);
        }
    }

    /**
     * One unit of work bumps the version once, however many changes it makes; {@code customerVisible} says whether the
     * requester can see the change, which alone moves the time they see as {@code updated_at}.
     */
    private void touch(Instant at, boolean customerVisible) {
        updatedAt = at;
        if (customerVisible) {
            customerUpdatedAt = at;
        }
        nextVersion();
    }

    /** Moves the version on, once per unit of work: every change does, even one that keeps {@code updated_at}. */
    private void nextVersion() {
        if (version == persistedVersion) {
            version = persistedVersion + 1;
        }
    }

    public TicketId id() {
        return id;
    }

    public TenantId tenant() {
        return tenant;
    }

    public TicketNumber number() {
        return number;
    }

    public TicketStatus status() {
        return status;
    }

    /** True until the ticket has been stored once. */
    public boolean isNew() {
        return persistedVersion == 0;
    }

    /** The version the store holds now; an update must find it there or fail as stale. */
    public long persistedVersion() {
        return persistedVersion;
    }

    /** The events this unit of work caused, oldest first. */
    public List<TicketEvent> events() {
        return List.copyOf(events);
    }

    /** The messages this unit of work posted, oldest first. */
    public List<Message> newMessages() {
        return List.copyOf(newMessages);
    }

    public TicketState state() {
        return new TicketState(
                id,
                tenant,
                number,
                subject,
                description,
                category,
                priority,
                status,
                requester,
                organization,
                assignee,
                assignedAt,
                tags,
                source,
                context,
                customFields,
                followUpOf,
                relatedArticle,
                escalation,
                sla,
                feedback,
                createdAt,
                updatedAt,
                customerUpdatedAt,
                lastMessageAt,
                messagesCount,
                deletedAt,
                mergedInto,
                version);
    }
}
