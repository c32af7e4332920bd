package org.supportdesk.domain.ticket;

import java.util.UUID;

/**
 * The order of time-ordered ids: as unsigned 128-bit numbers, which is how PostgreSQL sorts uuids and how UUIDv7 ids
 * sort by creation. Java's {@link UUID#compareTo} compares signed halves and would disagree.
 */
public final class UuidOrder {
    private UuidOrder() {}

    public static int compare(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }
}
