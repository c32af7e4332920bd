package org.supportdesk.application.testing;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.supportdesk.domain.port.People;
import org.supportdesk.domain.tenant.Email;
import org.supportdesk.domain.tenant.Organization;
import org.supportdesk.domain.tenant.OrganizationId;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.UserId;

/** People and organisations of every tenant, in maps. */
public final class InMemoryPeople implements People, Snapshotting {
    private Map<UserId, Person> people = new HashMap<>();
    private Map<OrganizationId, Organization> organizations = new HashMap<>();

    @Override
    public synchronized Optional<Person> person(TenantId tenant, UserId id) {
        return Optional.ofNullable(people.get(id)).filter(p -> p.tenant().equals(tenant));
    }

    @Override
    public synchronized Optional<Person> personByEmail(TenantId tenant, Email email) {
        return people.values().stream()
                .filter(p -> p.tenant().equals(tenant) && p.email().equals(email))
                .findFirst();
    }

    @Override
    public synchronized Optional<Organization> organization(TenantId tenant, OrganizationId id) {
        return Optional.ofNullable(organizations.get(id)).filter(o -> o.tenant().equals(tenant));
    }

    @Override
    public synchronized void add(Person person) {
        if (people.containsKey(person.id())
                || personByEmail(person.tenant(), person.email()).isPresent()) {
            throw new IllegalStateException("already known: " + person.id() + " / " + person.email());
        }
        people.put(person.id(), person);
    }

    /** Replaces a stored person, e.g. to deactivate them. */
    public synchronized void update(Person person) {
        people.put(person.id(), person);
    }

    public synchronized void addOrganization(Organization organization) {
        organizations.put(organization.id(), organization);
    }

    @Override
    public synchronized Object snapshot() {
        return new Object[] {new HashMap<>(people), new HashMap<>(organizations)};
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        Object[] parts = (Object[]) snapshot;
        people = (Map<UserId, Person>) parts[0];
        organizations = (Map<OrganizationId, Organization>) parts[1];
    }
}
