package org.supportdesk.adapter.http.admin;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.supportdesk.adapter.http.Endpoints;
import org.supportdesk.adapter.http.Pagination;
import org.supportdesk.adapter.http.Requests;
import org.supportdesk.adapter.http.auth.AccessRole;
import org.supportdesk.adapter.http.auth.Authenticator;
import org.supportdesk.application.UseCases;
import org.supportdesk.application.query.ShowAuditLog;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.port.AuditLogFilter;
import org.supportdesk.domain.problem.ValidationFailed;
import org.supportdesk.domain.tenant.UserId;
import org.supportdesk.domain.ticket.TicketNumber;

/**
 * The audit log (§10 {@code /audit-log}, admins): staff and admin entries of the journal, newest first, paginated
 * like every list; filters {@code actor} (a person id), {@code action} (comma-separated §17 names), {@code target} (a
 * record's id or a ticket's number), {@code from} (inclusive) and {@code to} (exclusive); {@code cursor} pages by
 * keyset. {@code /audit-log/verify}
 * walks the tenant's hash-chained journal (§16).
 */
public final class AuditLogEndpoints implements Endpoints {
    private final UseCases.Admin useCases;

    public AuditLogEndpoints(UseCases.Admin useCases) {
        this.useCases = useCases;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/audit-log", this::list, AccessRole.ADMIN);
        routes.get("/api/v1/audit-log/verify", this::verify, AccessRole.ADMIN);
    }

    void verify(Context ctx) {
        ctx.json(ChainVerdictResponse.of(useCases.verifyJournal().handle(Authenticator.staff(ctx))));
    }

    void list(Context ctx) {
        Optional<Target> target = Requests.query(ctx, "target", Target::parse);
        AuditLogFilter filter = new AuditLogFilter(
                Requests.query(ctx, "actor", raw -> new UserId(UUID.fromString(raw))),
                Requests.query(ctx, "action", AuditLogEndpoints::actions).orElse(Set.of()),
                target.flatMap(Target::id),
                Requests.timeQuery(ctx, "from"),
                Requests.timeQuery(ctx, "to"));
        var page = useCases.showAuditLog()
                .handle(new ShowAuditLog.Command(
                        Authenticator.staff(ctx), filter, target.flatMap(Target::number), Requests.keysetPage(ctx)));
        ctx.json(Pagination.of(page.map(AuditEntryResponse::of)));
    }

    private static Set<JournalAction> actions(String raw) {
        return Arrays.stream(raw.split(","))
                .map(String::strip)
                .map(name -> JournalAction.parse(name)
                        .orElseThrow(() -> ValidationFailed.of("action", "unknown action " + name)))
                .collect(Collectors.toSet());
    }

    /** A target named by a record's id, or by a ticket's number. */
    private record Target(Optional<UUID> id, Optional<TicketNumber> number) {
        static Target parse(String raw) {
            Optional<TicketNumber> number = TicketNumber.parse(raw);
            return number.isPresent()
                    ? new Target(Optional.empty(), number)
                    : new Target(Optional.of(UUID.fromString(raw)), Optional.empty());
        }
    }
}
