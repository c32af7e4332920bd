package org.supportdesk.application.testing;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.supportdesk.domain.port.Page;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.port.People;
import org.supportdesk.domain.tenant.Email;
import org.supportdesk.domain.tenant.Organization;
import org.supportdesk.domain.tenant.OrganizationId;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.UserId;

/** People and organisations of every tenant, in maps. */
public final class InMemoryPeople implements People, Snapshotting {
    private final TenantBinding binding;
    private Map<UserId, Person> people = new HashMap<>();
    private Map<OrganizationId, Organization> organizations = new HashMap<>();

    public InMemoryPeople(TenantBinding binding) {
        this.binding = binding;
    }

    /** Nothing to hold: in-memory transactions already run one at a time. */
    @Override
    public void lockActiveAdmins(TenantId tenant) {
        binding.require(tenant);
    }

    @Override
    public synchronized Optional<Person> person(TenantId tenant, UserId id) {
        binding.require(tenant);
        return Optional.ofNullable(people.get(id)).filter(p -> p.tenant().equals(tenant));
    }

    /** Needs no transaction, as {@link People#caller} promises; inside one, it must be the tenant's. */
    @Override
    public synchronized Optional<Caller> caller(TenantId tenant, UserId id) {
        binding.current().ifPresent(open -> binding.require(tenant));
        return Optional.ofNullable(people.get(id))
                .filter(p -> p.tenant().equals(tenant))
                .map(p -> new Caller(p, p.organization().map(organizations::get)));
    }

    @Override
    public synchronized Optional<Person> personByEmail(TenantId tenant, Email email) {
        binding.require(tenant);
        return people.values().stream()
                .filter(p -> p.tenant().equals(tenant) && p.email().equals(email))
                .findFirst();
    }

    @Override
    public synchronized Optional<Organization> organization(TenantId tenant, OrganizationId id) {
        binding.require(tenant);
        return Optional.ofNullable(organizations.get(id)).filter(o -> o.tenant().equals(tenant));
    }

    @Override
    public synchronized void add(Person person) {
        binding.require(person.tenant());
        if (people.containsKey(person.id())
                || personByEmail(person.tenant(), person.email()).isPresent()) {
            throw new IllegalStateException("already known: " + person.id() + " / " + person.email());
        }
        people.put(person.id(), person);
    }

    @Override
    public synchronized void update(Person person) {
        binding.require(person.tenant());
        Person stored = person(person.tenant(), person.id())
                .orElseThrow(() -> new IllegalArgumentException("no person " + person.id()));
        if (!stored.email().equals(person.email())) {
            throw new IllegalArgumentException("an update keeps the email address");
        }
        people.put(person.id(), person);
    }

    @Override
    public synchronized Page<Person> list(TenantId tenant, Set<Role> roles, PageRequest page) {
        binding.require(tenant);
        List<Person> matching = people.values().stream()
                .filter(p -> p.tenant().equals(tenant) && roles.contains(p.role()))
                .sorted(Comparator.comparing(p -> p.email().value()))
                .collect(Collectors.toList());
        return page(matching, page);
    }

    @Override
    public synchronized void addOrganization(Organization organization) {
        binding.require(organization.tenant());
        if (organizations.containsKey(organization.id())) {
            throw new IllegalStateException("already known: " + organization.id());
        }
        organizations.put(organization.id(), organization);
    }

    @Override
    public synchronized void updateOrganization(Organization organization) {
        binding.require(organization.tenant());
        organization(organization.tenant(), organization.id())
                .orElseThrow(() -> new IllegalArgumentException("no organisation " + organization.id()));
        organizations.put(organization.id(), organization);
    }

    @Override
    public synchronized Page<Organization> organizations(TenantId tenant, PageRequest page) {
        binding.require(tenant);
        List<Organization> matching = organizations.values().stream()
                .filter(o -> o.tenant().equals(tenant))
                .sorted(Comparator.comparing(Organization::name)
                        .thenComparing(o -> o.id().value().toString()))
                .collect(Collectors.toList());
        return page(matching, page);
    }

    private static <T> Page<T> page(List<T> all, PageRequest page) {
        List<T> items = all.stream().skip(page.offset()).limit(page.limit()).collect(Collectors.toList());
        return new Page<>(items, page.page(), page.limit(), all.size());
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
