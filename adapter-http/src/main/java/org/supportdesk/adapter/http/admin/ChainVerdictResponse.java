package org.supportdesk.adapter.http.admin;

import java.util.Optional;
import org.supportdesk.domain.journal.ChainVerdict;

/**
 * {@code GET /audit-log/verify}: whether the tenant's journal chain is intact, how many entries it holds, the position
 * (1 for the oldest) of the first entry found missing, altered or out of place, and the newest entry's hash.
 */
public record ChainVerdictResponse(boolean verified, long entries, Optional<Long> firstBrokenAt, String headHash) {
    static ChainVerdictResponse of(ChainVerdict verdict) {
        return new ChainVerdictResponse(
                verdict.verified(),
                verdict.entries(),
                verdict.firstBrokenAt().isPresent()
                        ? Optional.of(verdict.firstBrokenAt().getAsLong())
                        : Optional.empty(),
                verdict.headHash());
    }
}
