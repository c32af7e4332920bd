package org.supportdesk.adapter.http.desk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.supportdesk.domain.port.TicketExportRow;
import org.supportdesk.domain.tenant.OrganizationId;
import org.supportdesk.domain.tenant.UserId;
import org.supportdesk.domain.ticket.Escalation;
import org.supportdesk.domain.ticket.Feedback;
import org.supportdesk.domain.ticket.TicketState;

/**
 * The ticket export's CSV (§10): RFC 4180 through Apache Commons CSV (CRLF, fields quoted when they hold a comma,
 * quote or line break), UTF-8 with a byte-order mark so that spreadsheets read non-ASCII text right, one header row
 * naming {@link #COLUMNS}, and every cell that a spreadsheet would run as a formula neutralised (OWASP "CSV
 * injection"): a cell starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a
 * leading single quote. Times are ISO-8601 UTC; an absent value is an empty cell.
 */
final class TicketCsv {
    /** The columns, in order; docs/api/openapi.yaml describes each. */
    static final List<String> COLUMNS = List.of(
            "number",
            "id",
            "subject",
            "status",
            "priority",
            "category",
            "source",
            "requester_id",
            "requester_name",
            "requester_email",
            "organization_id",
            "organization_name",
            "assignee_id",
            "assignee_name",
            "tags",
            "escalated_at",
            "escalation_reason",
            "first_response_due_at",
            "first_responded_at",
            "first_response_breached_at",
            "resolution_due_at",
            "resolved_at",
            "resolution_breached_at",
            "closed_at",
            "created_at",
            "updated_at",
            "messages_count",
            "csat_rating",
            "csat_comment");

    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private final CSVPrinter printer;

    private TicketCsv(CSVPrinter printer) {
        this.printer = printer;
    }

    /** Writes the byte-order mark and the header row to {@code out}. */
    static TicketCsv start(Writer out) {
        try {
            out.write(BYTE_ORDER_MARK);
            CSVPrinter printer = CSVFormat.RFC4180.builder().get().print(out);
            printer.printRecord(COLUMNS);
            return new TicketCsv(printer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void write(TicketExportRow row) {
        writeCells(cells(row));
    }

    /** One record of {@code cells}, each {@link #neutralised}. */
    void writeCells(List<String> cells) {
        try {
            printer.printRecord(cells.stream().map(TicketCsv::neutralised).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Flushes what is left to the client. */
    void finish() {
        try {
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> cells(TicketExportRow row) {
        TicketState t = row.ticket();
        var sla = t.sla();
        List<String> cells = new ArrayList<>(COLUMNS.size());
        cells.add(t.number().toString());
        cells.add(t.id().toString());
        cells.add(t.subject().value());
        cells.add(t.status().wireName());
        cells.add(t.priority().wireName());
        cells.add(t.category().value());
        cells.add(t.source().wireName());
        cells.add(t.requester().toString());
        cells.add(row.requesterName());
        cells.add(row.requesterEmail().value());
        cells.add(text(t.organization().map(OrganizationId::toString)));
        cells.add(text(row.organizationName()));
        cells.add(text(t.assignee().map(UserId::toString)));
        cells.add(text(row.assigneeName()));
        cells.add(String.join(" ", t.tags().values()));
        cells.add(time(t.escalation().map(Escalation::at)));
        cells.add(text(t.escalation().map(Escalation::reason)));
        cells.add(time(sla.firstResponseDueAt()));
        cells.add(time(sla.firstRespondedAt()));
        cells.add(time(sla.firstResponseBreachedAt()));
        cells.add(time(sla.resolutionDueAt()));
        cells.add(time(sla.resolvedAt()));
        cells.add(time(sla.resolutionBreachedAt()));
        cells.add(time(sla.closedAt()));
        cells.add(t.createdAt().toString());
        cells.add(t.updatedAt().toString());
        cells.add(Integer.toString(t.messagesCount()));
        cells.add(text(t.feedback().map(f -> f.rating().toString())));
        cells.add(text(t.feedback().flatMap(Feedback::comment)));
        return cells;
    }

    /**
     * {@code cell} as a spreadsheet shows it but never runs it: one that would start a formula is prefixed with a
     * single quote (OWASP's advice), so {@code =HYPERLINK(…)} arrives as the text {@code '=HYPERLINK(…)}.
     */
    static String neutralised(String cell) {
        return !cell.isEmpty() && FORMULA_STARTS.indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }

    private static String text(Optional<String> value) {
        return value.orElse("");
    }

    private static String time(Optional<Instant> value) {
        return value.map(Instant::toString).orElse("");
    }
}
