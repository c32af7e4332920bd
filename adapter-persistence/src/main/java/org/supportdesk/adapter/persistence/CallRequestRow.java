package org.supportdesk.adapter.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.supportdesk.domain.call.CallId;
import org.supportdesk.domain.call.CallNote;
import org.supportdesk.domain.call.CallOutcome;
import org.supportdesk.domain.call.CallRequest;
import org.supportdesk.domain.call.CallStatus;
import org.supportdesk.domain.call.PhoneNumber;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.UserId;
import org.supportdesk.domain.ticket.TicketId;

/** A {@code call_requests} row; public because JDBI binds public accessors only. */
public record CallRequestRow(
        UUID tenantId,
        UUID id,
        UUID requesterId,
        UUID ticketId,
        String phone,
        String note,
        Instant scheduledAt,
        String status,
        UUID assigneeId,
        String outcome,
        Instant requestedAt,
        Instant updatedAt) {

    static CallRequestRow from(CallRequest c) {
        return new CallRequestRow(
                c.tenant().value(),
                c.id().value(),
                c.requester().value(),
                c.ticket().map(TicketId::value).orElse(null),
                c.phone().map(PhoneNumber::value).orElse(null),
                c.note().map(CallNote::value).orElse(null),
                c.scheduledAt().orElse(null),
                c.status().wireName(),
                c.assignee().map(UserId::value).orElse(null),
                c.outcome().map(CallOutcome::value).orElse(null),
                c.requestedAt(),
                c.updatedAt());
    }

    CallRequest toDomain() {
        return new CallRequest(
                new CallId(id),
                new TenantId(tenantId),
                new UserId(requesterId),
                Optional.ofNullable(ticketId).map(TicketId::new),
                Optional.ofNullable(phone).map(PhoneNumber::new),
                Optional.ofNullable(note).map(CallNote::new),
                Optional.ofNullable(scheduledAt),
                CallStatus.parse(status),
                Optional.ofNullable(assigneeId).map(UserId::new),
                Optional.ofNullable(outcome).map(CallOutcome::new),
                requestedAt,
                updatedAt);
    }

    /** A row of a list: the exact number of matches and, unless the page is empty, one request. */
    public record Listed(long total, Optional<CallRequestRow> call) {}

    /** Maps {@link Listed} rows by hand: an empty page still answers one row, with the total only. */
    public static final class ListedMapper implements RowMapper<Listed> {
        @Override
        public RowMapper<Listed> specialize(ResultSet rs, StatementContext ctx) throws SQLException {
            RowMapper<CallRequestRow> calls =
                    ConstructorMapper.of(CallRequestRow.class).specialize(rs, ctx);
            return (row, context) -> new Listed(
                    row.getLong("total"),
                    row.getObject("id") == null ? Optional.empty() : Optional.of(calls.map(row, context)));
        }

        @Override
        public Listed map(ResultSet rs, StatementContext ctx) throws SQLException {
            return specialize(rs, ctx).map(rs, ctx);
        }
    }
}
