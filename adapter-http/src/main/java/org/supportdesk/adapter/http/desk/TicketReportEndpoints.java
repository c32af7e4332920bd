package org.supportdesk.adapter.http.desk;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.supportdesk.adapter.http.Endpoints;
import org.supportdesk.adapter.http.Requests;
import org.supportdesk.adapter.http.auth.AccessRole;
import org.supportdesk.adapter.http.auth.Authenticator;
import org.supportdesk.application.UseCases;
import org.supportdesk.application.query.ExportTickets;
import org.supportdesk.application.query.ShowTicketStats;
import org.supportdesk.application.query.TicketSelection;
import org.supportdesk.domain.port.TicketExportRow;
import org.supportdesk.domain.tenant.StaffActor;

/**
 * The desk's reports over the ticket list's filters (§10): {@code /tickets/stats} for staff and
 * {@code /tickets/export.csv} for admins. Registered before the ticket routes, so that {@code /tickets/{id}} does not
 * take {@code stats} or {@code export.csv} for a ticket's id.
 */
public final class TicketReportEndpoints implements Endpoints {
    private final UseCases.Desk desk;
    private final UseCases.Admin admin;
    private final TicketListQuery listQuery = new TicketListQuery();

    public TicketReportEndpoints(UseCases.Desk desk, UseCases.Admin admin) {
        this.desk = desk;
        this.admin = admin;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/tickets/stats", this::stats, AccessRole.STAFF);
        routes.get("/api/v1/tickets/export.csv", this::export, AccessRole.ADMIN);
    }

    /** The list's filters, and {@code from}/{@code to} on creation time (default: the last 30 days). */
    void stats(Context ctx) {
        StaffActor staff = Authenticator.staff(ctx);
        TicketSelection selection = listQuery.selection(ctx, staff);
        var stats = desk.showTicketStats()
                .handle(new ShowTicketStats.Command(
                        staff, selection, Requests.timeQuery(ctx, "from"), Requests.timeQuery(ctx, "to")));
        ctx.json(TicketStatsResponse.of(stats));
    }

    /**
     * Streams the matches as CSV, row by row as the store reads them: nothing is held but the row being written and
     * the writer's buffer. The headers go out with the first bytes, after every refusal (bad filter, not an admin)
     * had its chance to answer a problem instead.
     */
    void export(Context ctx) {
        StaffActor staff = Authenticator.staff(ctx);
        TicketSelection selection = listQuery.selection(ctx, staff);
        var command = new ExportTickets.Command(staff, selection, listQuery.sort(ctx, selection.filter()));
        Streamed streamed = new Streamed(ctx);
        admin.exportTickets().handle(command, streamed);
        streamed.finish();
    }

    /** Writes the CSV to the response as the rows come. */
    private static final class Streamed implements ExportTickets.Sink {
        private final Context ctx;
        private TicketCsv csv;

        Streamed(Context ctx) {
            this.ctx = ctx;
        }

        @Override
        public void begin(Instant asOf) {
            String day = LocalDate.ofInstant(asOf, ZoneOffset.UTC).toString();
            ctx.status(200);
            ctx.contentType("text/csv; charset=utf-8");
            ctx.header("Content-Disposition", "attachment; filename=\"tickets-" + day + ".csv\"");
            ctx.header("Cache-Control", "no-store");
            Writer out = new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8);
            csv = TicketCsv.start(out);
        }

        @Override
        public void row(TicketExportRow row) {
            csv.write(row);
        }

        void finish() {
            csv.finish();
        }
    }
}
