package org.supportdesk.application.testing;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.supportdesk.domain.port.ApiTokens;
import org.supportdesk.domain.tenant.ApiToken;
import org.supportdesk.domain.tenant.ApiTokenId;
import org.supportdesk.domain.tenant.TenantId;

/** API tokens and the digests of their secrets, in maps. */
public final class InMemoryApiTokens implements ApiTokens, Snapshotting {
    private final TenantBinding binding;
    private Map<ApiTokenId, ApiToken> tokens = new LinkedHashMap<>();
    private Map<ApiTokenId, String> digests = new HashMap<>();

    public InMemoryApiTokens(TenantBinding binding) {
        this.binding = binding;
    }

    @Override
    public synchronized void add(ApiToken token, String secretDigest) {
        binding.require(token.tenant());
        if (tokens.containsKey(token.id()) || digests.containsValue(secretDigest)) {
            throw new IllegalStateException("already known: " + token.id());
        }
        tokens.put(token.id(), token);
        digests.put(token.id(), secretDigest);
    }

    @Override
    public synchronized Optional<ApiToken> find(TenantId tenant, ApiTokenId id) {
        binding.require(tenant);
        return Optional.ofNullable(tokens.get(id)).filter(t -> t.tenant().equals(tenant));
    }

    /** Needs no transaction, as {@link ApiTokens#bySecretDigest} promises; inside one, it must be the tenant's. */
    @Override
    public synchronized Optional<ApiToken> bySecretDigest(TenantId tenant, String secretDigest) {
        binding.current().ifPresent(open -> binding.require(tenant));
        return digests.entrySet().stream()
                .filter(e -> e.getValue().equals(secretDigest))
                .map(e -> tokens.get(e.getKey()))
                .filter(t -> t.tenant().equals(tenant))
                .findFirst();
    }

    @Override
    public synchronized List<ApiToken> list(TenantId tenant) {
        binding.require(tenant);
        return tokens.values().stream()
                .filter(t -> t.tenant().equals(tenant))
                .sorted(Comparator.comparing(ApiToken::createdAt)
                        .thenComparing(t -> t.id().value().toString()))
                .collect(Collectors.toList());
    }

    @Override
    public synchronized void update(ApiToken token) {
        binding.require(token.tenant());
        find(token.tenant(), token.id()).orElseThrow(() -> new IllegalArgumentException("no token " + token.id()));
        tokens.put(token.id(), token);
    }

    @Override
    public synchronized Object snapshot() {
        return new Object[] {new LinkedHashMap<>(tokens), new HashMap<>(digests)};
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        Object[] parts = (Object[]) snapshot;
        tokens = (Map<ApiTokenId, ApiToken>) parts[0];
        digests = (Map<ApiTokenId, String>) parts[1];
    }
}
