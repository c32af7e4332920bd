package org.supportdesk.adapter.http.auth;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The claims of our own tokens this process has already verified, until they expire. Checking a token's signature and
 * reading its JSON on every request was a sixteenth of a request's allocation, and for a token signed with our secret
 * the answer can only change with time: a kept token counts only from the moment it was verified until its expiry
 * plus the allowed skew, the same bound the full check applies, and a clock that goes back sends it through the full
 * check again. Tokens from the platform's JWKS are never kept, so a key the platform withdraws stops working at once.
 * Bounded: when full it starts again empty, which costs one full check per token in use.
 */
final class VerifiedTokens {
    static final int CAPACITY = 10_000;

    private record Verified(TokenClaims claims, Instant verifiedAt, Instant validUntil) {}

    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    /** The claims of {@code token} if it was kept and is still valid at {@code now}. */
    Optional<TokenClaims> find(String token, Instant now) {
        Verified kept = verified.get(token);
        if (kept == null) {
            return Optional.empty();
        }
        if (now.isBefore(kept.verifiedAt()) || !now.isBefore(kept.validUntil())) {
            verified.remove(token);
            return Optional.empty();
        }
        return Optional.of(kept.claims());
    }

    /** Keeps {@code token}, verified at {@code now}, until {@code validUntil} (exclusive). */
    void keep(String token, TokenClaims claims, Instant now, Instant validUntil) {
        if (verified.size() >= CAPACITY) {
            verified.clear();
        }
        verified.put(token, new Verified(claims, now, validUntil));
    }
}
