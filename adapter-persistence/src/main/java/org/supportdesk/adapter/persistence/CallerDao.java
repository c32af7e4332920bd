package org.supportdesk.adapter.persistence;

import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.UseRowMapper;

/**
 * SQL of who a request comes from, a person or an integration's API token: each one statement that binds the tenant
 * itself ({@code caller_of}, {@code api_token_of}, V146), so it needs no transaction
 * (docs/adr/0028-the-caller-in-one-statement.md). A DAO of its own, cheap to attach outside a transaction.
 */
interface CallerDao {
    @SqlQuery("SELECT * FROM caller_of(:tenant, :person)")
    @UseRowMapper(CallerRow.Mapper.class)
    Optional<CallerRow> caller(UUID tenant, UUID person);

    @SqlQuery("SELECT * FROM api_token_of(:tenant, :secretDigest)")
    @RegisterConstructorMapper(ApiTokenRow.class)
    Optional<ApiTokenRow> apiToken(UUID tenant, String secretDigest);
}
