package org.supportdesk.application.testing;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.supportdesk.domain.port.Credentials;
import org.supportdesk.domain.port.People;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.UserId;

/** Password hashes in a map, for the people {@code people} knows. */
public final class InMemoryCredentials implements Credentials, Snapshotting {
    private final TenantBinding binding;
    private final People people;
    private Map<UserId, String> hashes = new HashMap<>();

    public InMemoryCredentials(TenantBinding binding, People people) {
        this.binding = binding;
        this.people = people;
    }

    @Override
    public synchronized Optional<String> passwordHash(TenantId tenant, UserId person) {
        binding.require(tenant);
        return people.person(tenant, person).map(p -> hashes.get(p.id()));
    }

    @Override
    public synchronized void setPasswordHash(TenantId tenant, UserId person, String hash) {
        binding.require(tenant);
        people.person(tenant, person).orElseThrow(() -> new IllegalArgumentException("no person " + person));
        hashes.put(person, hash);
    }

    @Override
    public synchronized Object snapshot() {
        return new HashMap<>(hashes);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        hashes = (Map<UserId, String>) snapshot;
    }
}
