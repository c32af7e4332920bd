package org.supportdesk.adapter.persistence;

import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL of the tenants' email channels. */
@RegisterConstructorMapper(EmailChannelRow.class)
interface EmailChannelDao {
    @SqlQuery(
            """
            SELECT tenant_id, support_address, imap_host, imap_port, imap_security, imap_username,
                   imap_sealed_password, imap_folder, secret_hash, created_at, updated_at
              FROM email_channels WHERE tenant_id = :tenant
            """)
    Optional<EmailChannelRow> find(UUID tenant);

    @SqlUpdate(
            """
            INSERT INTO email_channels (tenant_id, support_address, imap_host, imap_port, imap_security, imap_username,
                                        imap_sealed_password, imap_folder, secret_hash, created_at, updated_at)
            VALUES (:tenantId, :supportAddress, :imapHost, :imapPort, :imapSecurity, :imapUsername,
                    :imapSealedPassword, :imapFolder, :secretHash, :createdAt, :updatedAt)
            ON CONFLICT (tenant_id) DO UPDATE SET
                support_address = excluded.support_address, imap_host = excluded.imap_host,
                imap_port = excluded.imap_port, imap_security = excluded.imap_security,
                imap_username = excluded.imap_username, imap_sealed_password = excluded.imap_sealed_password,
                imap_folder = excluded.imap_folder, secret_hash = excluded.secret_hash,
                updated_at = excluded.updated_at
            """)
    void save(@BindMethods EmailChannelRow row);

    @SqlUpdate("DELETE FROM email_channels WHERE tenant_id = :tenant")
    int delete(UUID tenant);
}
