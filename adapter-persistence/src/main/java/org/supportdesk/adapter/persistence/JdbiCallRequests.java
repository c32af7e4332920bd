package org.supportdesk.adapter.persistence;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.supportdesk.domain.call.CallId;
import org.supportdesk.domain.call.CallRequest;
import org.supportdesk.domain.call.CallStatus;
import org.supportdesk.domain.port.CallFilter;
import org.supportdesk.domain.port.CallRequests;
import org.supportdesk.domain.port.Page;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.UserId;

/** Call-back requests in PostgreSQL (see {@link CallRequestDao}). */
public final class JdbiCallRequests implements CallRequests {
    private final TenantScope scope;

    JdbiCallRequests(TenantScope scope) {
        this.scope = scope;
    }

    @Override
    public void add(CallRequest call) {
        dao(call.tenant()).insert(CallRequestRow.from(call));
    }

    @Override
    public Optional<CallRequest> find(TenantId tenant, CallId id) {
        return dao(tenant).find(tenant.value(), id.value()).map(CallRequestRow::toDomain);
    }

    @Override
    public void update(CallRequest call) {
        if (dao(call.tenant()).update(CallRequestRow.from(call)) == 0) {
            throw new IllegalArgumentException("no call " + call.id());
        }
    }

    @Override
    public Page<CallRequest> list(TenantId tenant, CallFilter filter, Order order, PageRequest page) {
        CallRequestDao dao = dao(tenant);
        String[] statuses = filter.statuses().isEmpty()
                ? null
                : filter.statuses().stream().map(CallStatus::wireName).sorted().toArray(String[]::new);
        List<CallRequestRow.Listed> rows =
                switch (order) {
                    case DUE_FIRST -> dao.dueFirst(
                            tenant.value(),
                            filter.requester().map(UserId::value).orElse(null),
                            statuses,
                            filter.assignee().unassigned(),
                            filter.assignee().person().map(UserId::value).orElse(null),
                            filter.dueFrom().orElse(null),
                            filter.dueTo().orElse(null),
                            page.limit(),
                            page.offset());
                    case NEWEST_FIRST -> dao.newestFirst(
                            tenant.value(),
                            filter.requester().map(UserId::value).orElse(null),
                            statuses,
                            filter.assignee().unassigned(),
                            filter.assignee().person().map(UserId::value).orElse(null),
                            filter.dueFrom().orElse(null),
                            filter.dueTo().orElse(null),
                            page.limit(),
                            page.offset());
                };
        long total = rows.isEmpty() ? 0 : rows.get(0).total();
        List<CallRequest> items = rows.stream()
                .map(CallRequestRow.Listed::call)
                .flatMap(Optional::stream)
                .map(CallRequestRow::toDomain)
                .collect(Collectors.toList());
        return new Page<>(items, page.page(), page.limit(), total);
    }

    private CallRequestDao dao(TenantId tenant) {
        return scope.dao(tenant, CallRequestDao.class);
    }
}
