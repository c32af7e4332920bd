package org.supportdesk.bootstrap;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * The load harness's baseline (docs/performance.md, "Load harness"): the same libraries as the server (Javalin,
 * Jackson, JDBI, HikariCP with the server's default pool of 10) and the same SQL shape, with no sign-in, no rules and
 * no journal: a ticket and its first message inserted in one transaction, a message inserted (and its ticket's
 * {@code updated_at} touched), the tags replaced, a requester's newest tickets with their total in one statement, the
 * search over subjects, descriptions and message bodies ranked as the server ranks it, and the stats' one aggregate.
 * It answers the server's paths, so the harness sends both the same requests. Run as a child JVM: {@code BareStack
 * <port>}, the database in {@code BARE_DB_URL}, {@code BARE_DB_USER}, {@code BARE_DB_PASSWORD}.
 */
public final class BareStack {
    private static final int TENANT = 1;
    private static final int PAGE = 20;
    private static final String TICKET_COLUMNS =
            "t.id, t.number, t.requester_id, t.subject, t.category, t.status, t.priority, t.tags, t.created_at,"
                    + " t.updated_at";

    private final Jdbi jdbi;

    private BareStack(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public static void main(String[] args) {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(System.getenv("BARE_DB_URL"));
        hikari.setUsername(System.getenv("BARE_DB_USER"));
        hikari.setPassword(System.getenv("BARE_DB_PASSWORD"));
        hikari.setMaximumPoolSize(10);
        Jdbi jdbi = Jdbi.create(new HikariDataSource(hikari))
                .registerRowMapper(ConstructorMapper.factory(TicketRow.class))
                .registerRowMapper(ConstructorMapper.factory(MessageRow.class))
                .registerRowMapper(ConstructorMapper.factory(StatsRow.class));
        jdbi.useHandle(BareStack::createSchema);
        BareStack bare = new BareStack(jdbi);
        ObjectMapper json = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        Javalin.create(config -> {
                    config.jsonMapper(new JavalinJackson(json, false));
                    config.startup.showJavalinBanner = false;
                    config.routes.post("/api/v1/tickets", bare::file);
                    config.routes.post("/api/v1/tickets/{id}/messages", bare::post);
                    config.routes.patch("/api/v1/tickets/{id}", bare::retag);
                    config.routes.get("/api/v1/tickets", bare::list);
                    config.routes.get("/api/v1/tickets/stats", bare::stats);
                })
                .start("127.0.0.1", Integer.parseInt(args[0]));
    }

    private static void createSchema(Handle handle) {
        handle.execute(
                """
                CREATE TABLE IF NOT EXISTS tickets (
                    tenant_id    int         NOT NULL,
                    id           uuid        NOT NULL,
                    number       bigserial,
                    requester_id uuid        NOT NULL,
                    subject      text        NOT NULL,
                    description  text        NOT NULL,
                    category     text        NOT NULL,
                    status       text        NOT NULL,
                    priority     text        NOT NULL,
                    tags         text[]      NOT NULL DEFAULT '{}',
                    created_at   timestamptz NOT NULL,
                    updated_at   timestamptz NOT NULL,
                    search       tsvector    GENERATED ALWAYS AS (
                                     setweight(to_tsvector('simple', subject), 'A') ||
                                     setweight(to_tsvector('simple', description), 'B')) STORED,
                    PRIMARY KEY (tenant_id, id));
                CREATE INDEX IF NOT EXISTS tickets_requester ON tickets (tenant_id, requester_id, created_at DESC, id DESC);
                CREATE INDEX IF NOT EXISTS tickets_created ON tickets (tenant_id, created_at);
                CREATE INDEX IF NOT EXISTS tickets_search ON tickets USING gin (search);
                CREATE TABLE IF NOT EXISTS messages (
                    tenant_id  int         NOT NULL,
                    id         uuid        NOT NULL,
                    ticket_id  uuid        NOT NULL,
                    kind       text        NOT NULL,
                    body       text        NOT NULL,
                    created_at timestamptz NOT NULL,
                    search     tsvector    GENERATED ALWAYS AS (setweight(to_tsvector('simple', body), 'C')) STORED,
                    PRIMARY KEY (tenant_id, id),
                    FOREIGN KEY (tenant_id, ticket_id) REFERENCES tickets);
                CREATE INDEX IF NOT EXISTS messages_ticket ON messages (tenant_id, ticket_id, created_at);
                CREATE INDEX IF NOT EXISTS messages_search ON messages USING gin (search);
                """);
    }

    record NewTicket(UUID requesterId, String subject, String description, String category, String priority) {}

    record NewMessage(String kind, String body) {}

    record Retag(List<String> tags) {}

    record TicketRow(
            UUID id,
            long number,
            UUID requesterId,
            String subject,
            String category,
            String status,
            String priority,
            String[] tags,
            Instant createdAt,
            Instant updatedAt) {}

    record MessageRow(UUID id, UUID ticketId, String kind, String body, Instant createdAt) {}

    record TicketPage(List<TicketRow> items, long total) {}

    record StatsRow(long total, String[] statuses, long[] statusCounts, String[] days, long[] dayCounts) {}

    private void file(Context ctx) {
        NewTicket ticket = ctx.bodyAsClass(NewTicket.class);
        Instant now = Instant.now();
        TicketRow row = jdbi.inTransaction(handle -> {
            TicketRow filed = handle.createQuery(
                            """
                            INSERT INTO tickets AS t (tenant_id, id, requester_id, subject, description, category,
                                                      status, priority, created_at, updated_at)
                            VALUES (:tenant, :id, :requester, :subject, :description, :category, 'new', :priority,
                                    :now, :now)
                            RETURNING\s"""
                                    + TICKET_COLUMNS)
                    .bind("tenant", TENANT)
                    .bind("id", UUID.randomUUID())
                    .bind("requester", ticket.requesterId())
                    .bind("subject", ticket.subject())
                    .bind("description", ticket.description())
                    .bind("category", ticket.category())
                    .bind("priority", Optional.ofNullable(ticket.priority()).orElse("medium"))
                    .bind("now", now)
                    .mapTo(TicketRow.class)
                    .one();
            insertMessage(handle, filed.id(), "public", ticket.description(), now);
            return filed;
        });
        ctx.status(HttpStatus.CREATED).json(row);
    }

    private void post(Context ctx) {
        UUID ticket = UUID.fromString(ctx.pathParam("id"));
        NewMessage message = ctx.bodyAsClass(NewMessage.class);
        Instant now = Instant.now();
        Optional<MessageRow> posted = jdbi.inTransaction(handle -> {
            int touched = handle.createUpdate(
                            "UPDATE tickets SET updated_at = :now WHERE tenant_id = :tenant AND id = :id")
                    .bind("now", now)
                    .bind("tenant", TENANT)
                    .bind("id", ticket)
                    .execute();
            return touched == 0
                    ? Optional.empty()
                    : Optional.of(insertMessage(handle, ticket, message.kind(), message.body(), now));
        });
        if (posted.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND);
            return;
        }
        ctx.status(HttpStatus.CREATED).json(posted.get());
    }

    private static MessageRow insertMessage(Handle handle, UUID ticket, String kind, String body, Instant now) {
        return handle.createQuery(
                        """
                        INSERT INTO messages (tenant_id, id, ticket_id, kind, body, created_at)
                        VALUES (:tenant, :id, :ticket, :kind, :body, :now)
                        RETURNING id, ticket_id, kind, body, created_at""")
                .bind("tenant", TENANT)
                .bind("id", UUID.randomUUID())
                .bind("ticket", ticket)
                .bind("kind", kind)
                .bind("body", body)
                .bind("now", now)
                .mapTo(MessageRow.class)
                .one();
    }

    private void retag(Context ctx) {
        UUID ticket = UUID.fromString(ctx.pathParam("id"));
        Retag retag = ctx.bodyAsClass(Retag.class);
        Optional<TicketRow> row =
                jdbi.withHandle(handle -> handle.createQuery("UPDATE tickets AS t SET tags = :tags, updated_at = now()"
                                + " WHERE tenant_id = :tenant AND id = :id RETURNING " + TICKET_COLUMNS)
                        .bindArray("tags", String.class, retag.tags())
                        .bind("tenant", TENANT)
                        .bind("id", ticket)
                        .mapTo(TicketRow.class)
                        .findOne());
        if (row.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND);
            return;
        }
        ctx.json(row.get());
    }

    /** A requester's newest tickets, or the best matches of {@code q}; each page with its total in one statement. */
    private void list(Context ctx) {
        String text = ctx.queryParam("q");
        String requester = ctx.queryParam("requester");
        String sql;
        Map<String, Object> bindings;
        if (text != null) {
            sql =
                    """
                    WITH query AS (SELECT websearch_to_tsquery('simple', :text) AS q),
                    hits AS (
                    SELECT hit.id, max(hit.rank) AS rank
                      FROM (
                        SELECT t.id, CASE WHEN ts_filter(t.search, '{a}') @@ query.q THEN 3 ELSE 2 END AS rank
                          FROM tickets t, query
                         WHERE t.tenant_id = :tenant AND t.search @@ query.q
                        UNION ALL
                        SELECT m.ticket_id, 1
                          FROM messages m, query
                         WHERE m.tenant_id = :tenant AND m.search @@ query.q
                      ) hit
                     GROUP BY hit.id)
                    SELECT\s"""
                            + TICKET_COLUMNS
                            + """
                            , count(*) OVER () AS total
                              FROM tickets t JOIN hits h ON h.id = t.id
                             WHERE t.tenant_id = :tenant
                             ORDER BY h.rank DESC, t.created_at DESC, t.id DESC
                             LIMIT :limit""";
            bindings = Map.of("text", text);
        } else {
            sql = "SELECT " + TICKET_COLUMNS + ", count(*) OVER () AS total FROM tickets t"
                    + " WHERE t.tenant_id = :tenant AND t.requester_id = :requester"
                    + " ORDER BY t.created_at DESC, t.id DESC LIMIT :limit";
            bindings = Map.of("requester", UUID.fromString(requester));
        }
        long[] total = {0};
        List<TicketRow> items = jdbi.withHandle(handle -> handle.createQuery(sql)
                .bindMap(bindings)
                .bind("tenant", TENANT)
                .bind("limit", PAGE)
                .map((rows, context) -> {
                    total[0] = rows.getLong("total");
                    return context.findRowMapperFor(TicketRow.class)
                            .orElseThrow()
                            .map(rows, context);
                })
                .list());
        ctx.json(new TicketPage(items, total[0]));
    }

    /** The last 30 days' tickets by status and by day, in one statement as the server's figures are. */
    private void stats(Context ctx) {
        StatsRow stats = jdbi.withHandle(handle -> handle.createQuery(
                        """
                        WITH matched AS (
                            SELECT status, date_trunc('day', created_at) AS day
                              FROM tickets
                             WHERE tenant_id = :tenant AND created_at >= now() - interval '30 days')
                        SELECT (SELECT count(*) FROM matched) AS total,
                               ARRAY(SELECT status FROM matched GROUP BY status ORDER BY status) AS statuses,
                               ARRAY(SELECT count(*) FROM matched GROUP BY status ORDER BY status) AS status_counts,
                               ARRAY(SELECT to_char(day, 'YYYY-MM-DD') FROM matched GROUP BY day ORDER BY day) AS days,
                               ARRAY(SELECT count(*) FROM matched GROUP BY day ORDER BY day) AS day_counts""")
                .bind("tenant", TENANT)
                .mapTo(StatsRow.class)
                .one());
        ctx.json(stats);
    }
}
