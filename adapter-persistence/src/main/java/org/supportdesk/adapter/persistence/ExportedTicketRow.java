package org.supportdesk.adapter.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.supportdesk.domain.port.TicketExportRow;
import org.supportdesk.domain.tenant.Email;

/** A row of the export statement ({@link TicketListSql#exportSql()}): a whole ticket and the names shown beside it. */
public record ExportedTicketRow(
        TicketRow ticket, String requesterName, String requesterEmail, String organizationName, String assigneeName) {

    TicketExportRow toDomain() {
        return new TicketExportRow(
                ticket.toDomain(),
                requesterName,
                Email.of(requesterEmail),
                Optional.ofNullable(organizationName),
                Optional.ofNullable(assigneeName));
    }

    /** The ticket's columns through {@link TicketRow}'s constructor mapper, the names beside them by hand. */
    public static final class Mapper implements RowMapper<ExportedTicketRow> {
        @Override
        public RowMapper<ExportedTicketRow> specialize(ResultSet rs, StatementContext ctx) throws SQLException {
            RowMapper<TicketRow> tickets = ConstructorMapper.of(TicketRow.class).specialize(rs, ctx);
            return (row, context) -> new ExportedTicketRow(
                    tickets.map(row, context),
                    row.getString("requester_name"),
                    row.getString("requester_email"),
                    row.getString("organization_name"),
                    row.getString("assignee_name"));
        }

        @Override
        public ExportedTicketRow map(ResultSet rs, StatementContext ctx) throws SQLException {
            return specialize(rs, ctx).map(rs, ctx);
        }
    }
}
