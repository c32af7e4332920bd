package org.supportdesk.adapter.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
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

    /** The ticket's columns through {@link TicketRow#read}, the names beside them. */
    public static final class Mapper implements RowMapper<ExportedTicketRow> {
        @Override
        public ExportedTicketRow map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new ExportedTicketRow(
                    TicketRow.read(rs),
                    rs.getString("requester_name"),
                    rs.getString("requester_email"),
                    rs.getString("organization_name"),
                    rs.getString("assignee_name"));
        }
    }
}
