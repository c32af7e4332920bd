package org.supportdesk.application.feed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.supportdesk.application.notify.JsonText;
import org.supportdesk.domain.call.CallRequest;
import org.supportdesk.domain.feed.ChangeEvent;
import org.supportdesk.domain.journal.FieldChange;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.journal.JournalEntry;
import org.supportdesk.domain.ticket.MessagePosted;
import org.supportdesk.domain.ticket.TicketEvent;
import org.supportdesk.domain.ticket.TicketField;
import org.supportdesk.domain.ticket.TicketState;
import org.supportdesk.domain.ticket.TicketUpdated;

/**
 * What the change feed says of each journalled change (§16, docs/live-events.md): its type, what staff are told and
 * what, if anything, a customer is told. Customer data is built here from what the customer projection shows (§8) and
 * nothing else: no internal message, assignee, tags, custom fields, escalation or SLA state ever enters it. Neither
 * side carries message bodies or personal data beyond ids and names of fields, so a reader fetches the record it is
 * told of under its own rights.
 */
public final class ChangeEvents {
    /** The ticket fields a customer sees (CustomerTicketView). */
    private static final Set<TicketField> CUSTOMER_FIELDS =
            Set.of(TicketField.SUBJECT, TicketField.PRIORITY, TicketField.CATEGORY);

    private ChangeEvents() {}

    /** The event of {@code event}, recorded as {@code entry}, on {@code ticket} as the change left it. */
    public static ChangeEvent of(TicketEvent event, JournalEntry entry, TicketState ticket) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("ticket", staffTicket(ticket));
        data.put("by", by(entry));
        data.put("changes", changes(entry.changes()));
        return ChangeEvent.of(
                entry.tenant(),
                typeOf(entry.action()),
                Optional.of(ticket.id()),
                Optional.of(ticket.version()),
                entry.at(),
                JsonText.object(data),
                customerData(event, ticket).map(JsonText::object),
                Optional.empty());
    }

    /** The event of a journalled change to a call-back request, which its requester is told of too. */
    public static ChangeEvent ofCall(JournalEntry entry, CallRequest call) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("id", call.id().value().toString());
        summary.put("status", call.status().wireName());
        summary.put("ticket_id", call.ticket().map(id -> id.value().toString()).orElse(null));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("call", summary);
        data.put("by", by(entry));
        data.put("changes", changes(entry.changes()));
        return ChangeEvent.of(
                entry.tenant(),
                typeOf(entry.action()),
                call.ticket(),
                Optional.empty(),
                entry.at(),
                JsonText.object(data),
                Optional.of(JsonText.object(Map.of("call", summary))),
                Optional.of(call.requester()));
    }

    /**
     * The event of any other journalled action (people, settings, tokens, webhooks …): staff are told what changed
     * and by whom, not the values, which the audit log shows admins; customers are never told.
     */
    public static ChangeEvent ofAdminAction(JournalEntry entry) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("target_kind", entry.targetKind().name().toLowerCase(Locale.ROOT));
        data.put("target_id", entry.targetId().toString());
        data.put("by", by(entry));
        data.put("fields", entry.changes().stream().map(FieldChange::field).toList());
        return ChangeEvent.of(
                entry.tenant(),
                typeOf(entry.action()),
                Optional.empty(),
                Optional.empty(),
                entry.at(),
                JsonText.object(data),
                Optional.empty(),
                Optional.empty());
    }

    /** The feed's name of a journal action: the §16 names for ticket events, the journal's own for the rest. */
    public static String typeOf(JournalAction action) {
        return switch (action) {
            case TICKET_FILED -> "ticket_created";
            case MESSAGE_POSTED -> "message_added";
            case STATUS_CHANGED -> "status_changed";
            case TICKET_UPDATED -> "ticket_updated";
            case TICKET_ASSIGNED -> "ticket_assigned";
            case TICKET_ESCALATED -> "ticket_escalated";
            case TICKET_DEESCALATED -> "ticket_deescalated";
            case SLA_BREACHED -> "sla_breached";
            case TICKET_DELETED -> "ticket_deleted";
            case TICKET_RESTORED -> "ticket_restored";
            case TICKET_SPLIT -> "ticket_split";
            case TICKET_MERGED -> "ticket_merged";
            case TICKET_UNMERGED -> "ticket_unmerged";
            case FEEDBACK_GIVEN -> "feedback_given";
            case CALL_REQUESTED -> "call_requested";
            case CALL_UPDATED -> "call_updated";
            default -> action.wireName();
        };
    }

    private static Optional<Map<String, Object>> customerData(TicketEvent event, TicketState ticket) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("ticket", customerTicket(ticket));
        switch (event.action()) {
            case TICKET_FILED,
                    STATUS_CHANGED,
                    TICKET_DELETED,
                    TICKET_RESTORED,
                    TICKET_SPLIT,
                    TICKET_MERGED,
                    TICKET_UNMERGED,
                    FEEDBACK_GIVEN -> {
                return Optional.of(data);
            }
            case MESSAGE_POSTED -> {
                MessagePosted posted = (MessagePosted) event;
                if (!posted.customerVisible()) {
                    return Optional.empty();
                }
                data.put(
                        "message",
                        Map.of(
                                "id",
                                posted.message().value().toString(),
                                "kind",
                                posted.kind().wireName()));
                return Optional.of(data);
            }
            case TICKET_UPDATED -> {
                TicketUpdated updated = (TicketUpdated) event;
                if (!CUSTOMER_FIELDS.contains(updated.field())) {
                    return Optional.empty();
                }
                data.put("changes", changes(updated.changes()));
                return Optional.of(data);
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    private static Map<String, Object> staffTicket(TicketState ticket) {
        Map<String, Object> out = customerTicket(ticket);
        out.put("priority", ticket.priority().wireName());
        out.put("assignee_id", ticket.assignee().map(a -> a.value().toString()).orElse(null));
        out.put("deleted", ticket.isDeleted());
        return out;
    }

    private static Map<String, Object> customerTicket(TicketState ticket) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", ticket.id().value().toString());
        out.put("number", ticket.number().toString());
        out.put("status", ticket.status().wireName());
        return out;
    }

    private static Map<String, Object> by(JournalEntry entry) {
        Map<String, Object> by = new LinkedHashMap<>();
        by.put("id", entry.actor().id().map(id -> id.value().toString()).orElse(null));
        by.put("role", entry.actor().role().map(role -> role.wireName()).orElse("system"));
        return by;
    }

    private static List<Map<String, Object>> changes(List<FieldChange> changes) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (FieldChange change : changes) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("field", change.field());
            one.put("before", change.before().orElse(null));
            one.put("after", change.after().orElse(null));
            out.add(one);
        }
        return out;
    }
}
