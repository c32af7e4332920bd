package org.supportdesk.application.testing;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.supportdesk.domain.notify.Webhook;
import org.supportdesk.domain.port.Page;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.port.Webhooks;
import org.supportdesk.domain.tenant.TenantId;

/** Webhook subscriptions of every tenant in a map. */
public final class InMemoryWebhooks implements Webhooks, Snapshotting {
    private static final Comparator<Webhook> OLDEST_FIRST =
            Comparator.comparing(Webhook::createdAt).thenComparing(w -> w.id().toString());

    private final TenantBinding binding;
    private Map<UUID, Webhook> webhooks = new LinkedHashMap<>();

    public InMemoryWebhooks(TenantBinding binding) {
        this.binding = binding;
    }

    @Override
    public synchronized void add(Webhook webhook) {
        binding.require(webhook.tenant());
        if (webhooks.putIfAbsent(webhook.id(), webhook) != null) {
            throw new IllegalStateException("already known: " + webhook.id());
        }
    }

    @Override
    public synchronized Optional<Webhook> find(TenantId tenant, UUID id) {
        binding.require(tenant);
        return Optional.ofNullable(webhooks.get(id)).filter(w -> w.tenant().equals(tenant));
    }

    @Override
    public synchronized Page<Webhook> list(TenantId tenant, PageRequest page) {
        List<Webhook> all = all(tenant);
        return new Page<>(
                all.stream().skip(page.offset()).limit(page.limit()).collect(Collectors.toList()),
                page.page(),
                page.limit(),
                all.size());
    }

    @Override
    public synchronized List<Webhook> all(TenantId tenant) {
        binding.require(tenant);
        return webhooks.values().stream()
                .filter(w -> w.tenant().equals(tenant))
                .sorted(OLDEST_FIRST)
                .collect(Collectors.toList());
    }

    @Override
    public synchronized void update(Webhook webhook) {
        find(webhook.tenant(), webhook.id()).orElseThrow(() -> new IllegalArgumentException("no webhook"));
        webhooks.put(webhook.id(), webhook);
    }

    @Override
    public synchronized boolean delete(TenantId tenant, UUID id) {
        return find(tenant, id).map(w -> webhooks.remove(id) != null).orElse(false);
    }

    @Override
    public synchronized Object snapshot() {
        return new LinkedHashMap<>(webhooks);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        webhooks = (Map<UUID, Webhook>) snapshot;
    }
}
