package org.supportdesk.adapter.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Column reads that hand-written row mappers share. */
final class Columns {
    private Columns() {}

    /** The {@code timestamptz} in {@code column} of the current row, or null. */
    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    /** The {@code text[]} in {@code column} of the current row, or null. */
    static String[] texts(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? null : (String[]) array.getArray();
    }

    /** {@code at} as whole microseconds since the epoch, a {@code timestamptz}'s own precision. */
    static long micros(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000);
    }

    /** The SQL of the {@code timestamptz} that {@link #micros} gave as the bound {@code parameter}, exactly. */
    static String instantOfMicros(String parameter) {
        return "TIMESTAMPTZ 'epoch' + CAST(:" + parameter + " AS bigint) * INTERVAL '1 microsecond'";
    }
}
