package org.supportdesk.adapter.persistence.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Rows streamed into one table through {@code COPY … FROM STDIN} in PostgreSQL's text format, on a connection of its
 * own: values are tab-separated, {@code null} is {@code \N}, and backslashes, tabs and line breaks are escaped.
 */
final class CopyStream implements AutoCloseable {
    private final OutputStream out;
    private final StringBuilder line = new StringBuilder(512);
    private long rows;

    CopyStream(Connection connection, String table, String columns) throws SQLException {
        this.out = new PGCopyOutputStream(
                connection.unwrap(PGConnection.class),
                "COPY " + table + " (" + columns + ") FROM STDIN (FORMAT text)",
                1 << 16);
    }

    /** Appends one value of the current row. */
    CopyStream value(Object value) {
        if (!line.isEmpty()) {
            line.append('\t');
        }
        if (value == null) {
            line.append("\\N");
            return this;
        }
        String text = value instanceof Instant instant ? instant.toString() : value.toString();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> line.append("\\\\");
                case '\t' -> line.append("\\t");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                default -> line.append(c);
            }
        }
        return this;
    }

    /** Ends the current row. */
    void end() {
        line.append('\n');
        try {
            out.write(line.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        line.setLength(0);
        rows++;
    }

    long rows() {
        return rows;
    }

    /** Ends the COPY: PostgreSQL checks and stores what it received. */
    @Override
    public void close() throws IOException {
        out.close();
    }
}
