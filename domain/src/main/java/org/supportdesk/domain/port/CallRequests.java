package org.supportdesk.domain.port;

import java.util.Optional;
import org.supportdesk.domain.call.CallId;
import org.supportdesk.domain.call.CallRequest;
import org.supportdesk.domain.tenant.TenantId;

/**
 * The call-back requests of each tenant (§9, §10). Every method is scoped to one tenant: another tenant's request is
 * never found, listed or counted. Every method is called inside a transaction of the tenant it names, and joins it
 * ({@link TransactionRunner}).
 */
public interface CallRequests {
    /** How a list is ordered; the id, in the same direction, breaks ties. */
    enum Order {
        /** The staff's queue: the soonest due first. */
        DUE_FIRST,
        /** A customer's own list: the most recently requested first. */
        NEWEST_FIRST
    }

    /** Stores a new request. */
    void add(CallRequest call);

    /** The request of {@code tenant} with that id; empty when there is none in this tenant. */
    Optional<CallRequest> find(TenantId tenant, CallId id);

    /** Replaces the stored request of the same tenant and id with {@code call}. */
    void update(CallRequest call);

    /** One page of the requests of {@code tenant} that match {@code filter}, in {@code order}, and the exact total. */
    Page<CallRequest> list(TenantId tenant, CallFilter filter, Order order, PageRequest page);
}
