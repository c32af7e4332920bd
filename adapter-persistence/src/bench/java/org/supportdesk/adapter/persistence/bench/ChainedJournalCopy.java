package org.supportdesk.adapter.persistence.bench;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.UUID;
import org.supportdesk.adapter.persistence.JournalChain;
import org.supportdesk.adapter.persistence.JournalRow;

/**
 * Journal entries copied into one tenant's journal, each chained to the one before it as the server chains what it
 * appends (docs/adr/0024-hash-chained-journal.md), starting from the tenant's current head; closing the copy moves the
 * head to the last entry, so the loaded tenant's chain verifies.
 */
final class ChainedJournalCopy implements AutoCloseable {
    private final CopyStream copy;
    private final Connection control;
    private final UUID tenant;
    private long seq;
    private byte[] head;

    ChainedJournalCopy(Connection copyConnection, Connection control, UUID tenant) throws SQLException {
        this.copy = new CopyStream(
                copyConnection,
                "journal",
                "tenant_id, id, actor_id, actor_name, actor_role, action, target_kind, target_id, changes,"
                        + " correlation_id, at, seq, content_digest, chain_hash");
        this.control = control;
        this.tenant = tenant;
        this.head = JournalChain.genesis();
        try (PreparedStatement current =
                control.prepareStatement("SELECT seq, head FROM journal_chain WHERE tenant_id = ?")) {
            current.setObject(1, tenant);
            try (ResultSet row = current.executeQuery()) {
                if (row.next()) {
                    seq = row.getLong(1);
                    head = row.getBytes(2);
                }
            }
        }
    }

    void append(JournalRow row) {
        byte[] contentDigest = JournalChain.contentDigest(row);
        head = JournalChain.next(head, JournalChain.link(row, contentDigest));
        copy.value(row.tenantId())
                .value(row.id())
                .value(row.actorId())
                .value(row.actorName())
                .value(row.actorRole())
                .value(row.action())
                .value(row.targetKind())
                .value(row.targetId())
                .value(changes(row))
                .value(row.correlationId())
                .value(row.at())
                .value(++seq)
                .value(bytea(contentDigest))
                .value(bytea(head))
                .end();
    }

    /** The changes as the JSON array the server stores; the loader's values need no escaping. */
    private static String changes(JournalRow row) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < row.fields().length; i++) {
            json.append(i == 0 ? "" : ", ")
                    .append("{\"field\": ")
                    .append(quoted(row.fields()[i]))
                    .append(", \"before\": ")
                    .append(quoted(row.befores()[i]))
                    .append(", \"after\": ")
                    .append(quoted(row.afters()[i]))
                    .append('}');
        }
        return json.append(']').toString();
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    private static String bytea(byte[] value) {
        return "\\x" + HexFormat.of().formatHex(value);
    }

    @Override
    public void close() throws IOException, SQLException {
        copy.close();
        if (seq == 0) {
            return;
        }
        try (PreparedStatement advance =
                control.prepareStatement("INSERT INTO journal_chain (tenant_id, seq, head) VALUES (?, ?, ?)"
                        + " ON CONFLICT (tenant_id) DO UPDATE SET seq = excluded.seq, head = excluded.head")) {
            advance.setObject(1, tenant);
            advance.setLong(2, seq);
            advance.setBytes(3, head);
            advance.executeUpdate();
        }
    }
}
