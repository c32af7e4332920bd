package org.supportdesk.application.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.supportdesk.domain.mail.EmailChannel;
import org.supportdesk.domain.port.EmailChannels;
import org.supportdesk.domain.tenant.TenantId;

/** Every tenant's email channel in a map. */
public final class InMemoryEmailChannels implements EmailChannels, Snapshotting {
    private final TenantBinding binding;
    private Map<TenantId, EmailChannel> channels = new LinkedHashMap<>();

    public InMemoryEmailChannels(TenantBinding binding) {
        this.binding = binding;
    }

    @Override
    public synchronized Optional<EmailChannel> find(TenantId tenant) {
        binding.require(tenant);
        return Optional.ofNullable(channels.get(tenant));
    }

    @Override
    public synchronized void save(EmailChannel channel) {
        binding.require(channel.tenant());
        channels.put(channel.tenant(), channel);
    }

    @Override
    public synchronized boolean delete(TenantId tenant) {
        binding.require(tenant);
        return channels.remove(tenant) != null;
    }

    @Override
    public synchronized Object snapshot() {
        return new LinkedHashMap<>(channels);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        channels = (Map<TenantId, EmailChannel>) snapshot;
    }
}
