package org.supportdesk.application.testing;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.supportdesk.domain.call.CallId;
import org.supportdesk.domain.call.CallRequest;
import org.supportdesk.domain.port.CallFilter;
import org.supportdesk.domain.port.CallRequests;
import org.supportdesk.domain.port.Page;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.tenant.TenantId;

/** The call-back requests of every tenant in a map. */
public final class InMemoryCallRequests implements CallRequests, Snapshotting {
    /** Ids in PostgreSQL's unsigned byte order, which their text order is. */
    private static final Comparator<CallRequest> BY_ID =
            Comparator.comparing(c -> c.id().value().toString());

    private final TenantBinding binding;
    private Map<CallId, CallRequest> calls = new HashMap<>();

    public InMemoryCallRequests(TenantBinding binding) {
        this.binding = binding;
    }

    @Override
    public synchronized void add(CallRequest call) {
        binding.require(call.tenant());
        if (calls.containsKey(call.id())) {
            throw new IllegalStateException("already known: " + call.id());
        }
        calls.put(call.id(), call);
    }

    @Override
    public synchronized Optional<CallRequest> find(TenantId tenant, CallId id) {
        binding.require(tenant);
        return Optional.ofNullable(calls.get(id)).filter(c -> c.tenant().equals(tenant));
    }

    @Override
    public synchronized void update(CallRequest call) {
        binding.require(call.tenant());
        find(call.tenant(), call.id()).orElseThrow(() -> new IllegalArgumentException("no call " + call.id()));
        calls.put(call.id(), call);
    }

    @Override
    public synchronized Page<CallRequest> list(TenantId tenant, CallFilter filter, Order order, PageRequest page) {
        binding.require(tenant);
        Comparator<CallRequest> sort =
                switch (order) {
                    case DUE_FIRST -> Comparator.comparing(CallRequest::dueAt).thenComparing(BY_ID);
                    case NEWEST_FIRST -> Comparator.comparing(CallRequest::requestedAt)
                            .thenComparing(BY_ID)
                            .reversed();
                };
        List<CallRequest> matching = calls.values().stream()
                .filter(c -> c.tenant().equals(tenant))
                .filter(c ->
                        filter.requester().map(r -> r.equals(c.requester())).orElse(true))
                .filter(c -> filter.statuses().isEmpty() || filter.statuses().contains(c.status()))
                .filter(c -> !filter.assignee().unassigned() || c.assignee().isEmpty())
                .filter(c -> filter.assignee()
                        .person()
                        .map(p -> c.assignee().equals(Optional.of(p)))
                        .orElse(true))
                .filter(c ->
                        filter.dueFrom().map(from -> !c.dueAt().isBefore(from)).orElse(true))
                .filter(c -> filter.dueTo().map(to -> c.dueAt().isBefore(to)).orElse(true))
                .sorted(sort)
                .collect(Collectors.toList());
        List<CallRequest> items =
                matching.stream().skip(page.offset()).limit(page.limit()).collect(Collectors.toList());
        return new Page<>(items, page.page(), page.limit(), matching.size());
    }

    @Override
    public synchronized Object snapshot() {
        return new HashMap<>(calls);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        calls = (Map<CallId, CallRequest>) snapshot;
    }
}
