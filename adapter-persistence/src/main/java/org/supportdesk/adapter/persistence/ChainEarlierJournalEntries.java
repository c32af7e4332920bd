package org.supportdesk.adapter.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Migration 131: chains the journal entries written before the chain existed (V130 added its columns, V132 requires
 * them), each tenant's in the order the journal has always kept (time, then id), with the same canonical form new
 * entries get ({@link JournalChain}). Java rather than SQL so that form has one definition. It runs as the schema's
 * owner, which alone may lift the append-only trigger for the length of this transaction.
 */
final class ChainEarlierJournalEntries implements JavaMigration {
    private static final int BATCH = 1_000;

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("131");
    }

    @Override
    public String getDescription() {
        return "chain earlier journal entries";
    }

    @Override
    public Integer getChecksum() {
        return 1; // raise it with any change to this class, so that validation tells an applied run from the new code
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement sql = connection.createStatement()) {
            sql.execute("ALTER TABLE journal DISABLE TRIGGER journal_no_update");
            for (UUID tenant : tenants(connection)) {
                chain(connection, tenant);
            }
            sql.execute("ALTER TABLE journal ENABLE TRIGGER journal_no_update");
        }
    }

    private static List<UUID> tenants(Connection connection) throws SQLException {
        List<UUID> tenants = new ArrayList<>();
        try (Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("SELECT id FROM tenants ORDER BY id")) {
            while (rows.next()) {
                tenants.add(rows.getObject(1, UUID.class));
            }
        }
        return tenants;
    }

    /** Chains one tenant's entries, reading them a batch at a time and writing each batch's positions back. */
    private static void chain(Connection connection, UUID tenant) throws SQLException {
        try (PreparedStatement bind =
                connection.prepareStatement("SELECT set_config('supportdesk.tenant_id', ?, true)")) {
            bind.setString(1, tenant.toString());
            bind.execute();
        }
        JournalRow.Mapper mapper = new JournalRow.Mapper();
        byte[] head = JournalChain.genesis();
        long seq = 0;
        try (PreparedStatement read = connection.prepareStatement("SELECT " + JournalDao.ENTRY_COLUMNS
                        + " FROM journal j WHERE j.tenant_id = ? ORDER BY j.at, j.id");
                PreparedStatement write = connection.prepareStatement(
                        "UPDATE journal SET seq = ?, content_digest = ?, chain_hash = ? WHERE tenant_id = ? AND id = ?")) {
            read.setObject(1, tenant);
            read.setFetchSize(BATCH);
            try (ResultSet rows = read.executeQuery()) {
                while (rows.next()) {
                    JournalRow row = mapper.map(rows, null);
                    byte[] contentDigest = JournalChain.contentDigest(row);
                    head = JournalChain.next(head, JournalChain.link(row, contentDigest));
                    write.setLong(1, ++seq);
                    write.setBytes(2, contentDigest);
                    write.setBytes(3, head);
                    write.setObject(4, tenant);
                    write.setObject(5, row.id());
                    write.addBatch();
                    if (seq % BATCH == 0) {
                        write.executeBatch();
                    }
                }
            }
            write.executeBatch();
        }
        if (seq > 0) {
            try (PreparedStatement start =
                    connection.prepareStatement("INSERT INTO journal_chain (tenant_id, seq, head) VALUES (?, ?, ?)")) {
                start.setObject(1, tenant);
                start.setLong(2, seq);
                start.setBytes(3, head);
                start.executeUpdate();
            }
        }
    }
}
