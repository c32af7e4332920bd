package org.supportdesk.adapter.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.UserId;
import org.supportdesk.domain.ticket.Body;
import org.supportdesk.domain.ticket.Message;
import org.supportdesk.domain.ticket.MessageId;
import org.supportdesk.domain.ticket.MessageKind;
import org.supportdesk.domain.ticket.TicketId;
import org.supportdesk.domain.ticket.Via;

/** A {@code messages} row. */
public record MessageRow(
        UUID tenantId,
        UUID id,
        UUID ticketId,
        UUID authorId,
        String authorName,
        String authorRole,
        String kind,
        boolean customerVisible,
        String body,
        String via,
        boolean isResolution,
        Instant createdAt) {

    /**
     * Reads the row by column name, as a constructor mapper would have, without matching the columns again for every
     * statement.
     */
    public static final class Mapper implements RowMapper<MessageRow> {
        @Override
        public MessageRow map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new MessageRow(
                    rs.getObject("tenant_id", UUID.class),
                    rs.getObject("id", UUID.class),
                    rs.getObject("ticket_id", UUID.class),
                    rs.getObject("author_id", UUID.class),
                    rs.getString("author_name"),
                    rs.getString("author_role"),
                    rs.getString("kind"),
                    rs.getBoolean("customer_visible"),
                    rs.getString("body"),
                    rs.getString("via"),
                    rs.getBoolean("is_resolution"),
                    Columns.instant(rs, "created_at"));
        }
    }

    static MessageRow from(Message m) {
        return new MessageRow(
                m.tenant().value(),
                m.id().value(),
                m.ticket().value(),
                m.author().id().map(UserId::value).orElse(null),
                m.author().name(),
                m.author().role().map(Role::wireName).orElse(null),
                m.kind().wireName(),
                m.customerVisible(),
                m.body().value(),
                m.via().wireName(),
                m.resolution(),
                m.createdAt());
    }

    Message toDomain() {
        return new Message(
                new MessageId(id),
                new TenantId(tenantId),
                new TicketId(ticketId),
                Rows.author(authorId, authorName, authorRole),
                MessageKind.valueOf(kind.toUpperCase(Locale.ROOT)),
                customerVisible,
                new Body(body),
                Via.valueOf(via.toUpperCase(Locale.ROOT)),
                isResolution,
                createdAt);
    }
}
