package org.supportdesk.adapter.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * SQL of organisations, apart from {@link PeopleDao}: a change that notifies reads people, never organisations, and JDBI
 * prepares every method of a DAO each time it is attached (docs/adr/0029). Decisions stay in {@link JdbiPeople}.
 */
@RegisterConstructorMapper(OrganizationRow.class)
interface OrganizationDao {
    @SqlQuery("SELECT tenant_id, id, name, shared_tickets FROM organizations WHERE tenant_id = :tenant AND id = :id")
    Optional<OrganizationRow> organization(UUID tenant, UUID id);

    @SqlUpdate(
            """
            INSERT INTO organizations (tenant_id, id, name, shared_tickets, created_at)
            VALUES (:tenantId, :id, :name, :sharedTickets, :createdAt)
            """)
    void insertOrganization(@BindMethods OrganizationRow row, Instant createdAt);

    @SqlUpdate(
            """
            UPDATE organizations SET name = :name, shared_tickets = :sharedTickets
             WHERE tenant_id = :tenantId AND id = :id
            """)
    int updateOrganization(@BindMethods OrganizationRow row);

    @SqlQuery("SELECT count(*) FROM organizations WHERE tenant_id = :tenant")
    long countOrganizations(UUID tenant);

    // uuid order is byte order, which is the order of the ids' text: the in-memory store's tie-break.
    @SqlQuery(
            """
            SELECT tenant_id, id, name, shared_tickets FROM organizations WHERE tenant_id = :tenant
             ORDER BY name COLLATE "C", id
             LIMIT :limit OFFSET :offset
            """)
    List<OrganizationRow> organizations(UUID tenant, int limit, long offset);
}
