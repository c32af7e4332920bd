package org.supportdesk.adapter.http.events;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.OptionalLong;
import org.supportdesk.adapter.http.Endpoints;
import org.supportdesk.adapter.http.Requests;
import org.supportdesk.adapter.http.auth.AccessRole;
import org.supportdesk.adapter.http.auth.Authenticator;
import org.supportdesk.application.UseCases;
import org.supportdesk.application.feed.ReadChanges;
import org.supportdesk.domain.tenant.Actor;

/**
 * The change feed (§16): {@code GET /api/v1/changes?after=&limit=} for staff (every event of the tenant) and {@code GET
 * /api/v1/portal/changes?after=&limit=} for a customer (only what they may be told of), both answering {@code {items,
 * next_cursor}}.
 */
public final class ChangeFeedEndpoints implements Endpoints {
    static final int DEFAULT_LIMIT = 100;

    private final UseCases.Live useCases;

    public ChangeFeedEndpoints(UseCases.Live useCases) {
        this.useCases = useCases;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/changes", ctx -> read(ctx, Authenticator.staff(ctx)), AccessRole.STAFF);
        routes.get("/api/v1/portal/changes", ctx -> read(ctx, Authenticator.customer(ctx)), AccessRole.CUSTOMER);
    }

    private void read(Context ctx, Actor reader) {
        ctx.json(ChangeFeedResponse.of(useCases.readChanges()
                .handle(new ReadChanges.Command(reader, after(ctx), Requests.intQuery(ctx, "limit", DEFAULT_LIMIT)))));
    }

    /** The {@code after} cursor, if given. */
    static OptionalLong after(Context ctx) {
        return Requests.query(ctx, "after", Long::parseLong)
                .map(OptionalLong::of)
                .orElse(OptionalLong.empty());
    }
}
