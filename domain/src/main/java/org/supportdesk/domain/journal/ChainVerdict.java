package org.supportdesk.domain.journal;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * What walking a tenant's hash-chained journal found (§16): how many entries it holds, the position (1 for the oldest)
 * of the first one that is missing, altered or out of place, if any, and the hash of the newest, which an operator can
 * keep elsewhere to notice later that the whole chain was rewritten.
 */
public record ChainVerdict(long entries, OptionalLong firstBrokenAt, String headHash) {
    public ChainVerdict {
        Objects.requireNonNull(firstBrokenAt, "firstBrokenAt");
        Objects.requireNonNull(headHash, "headHash");
        if (entries < 0) {
            throw new IllegalArgumentException("entries must not be negative");
        }
    }

    public boolean verified() {
        return firstBrokenAt.isEmpty();
    }
}
