package org.supportdesk.application.call;

import java.util.Objects;
import org.supportdesk.domain.call.CustomerCallView;
import org.supportdesk.domain.port.CallFilter;
import org.supportdesk.domain.port.CallRequests;
import org.supportdesk.domain.port.Page;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.port.TransactionRunner;
import org.supportdesk.domain.tenant.CustomerActor;

/** A customer lists their own call-back requests, newest first (§9); never anyone else's, organisation-mates' neither. */
public final class ListOwnCalls {
    public record Command(CustomerActor actor, PageRequest page) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(page, "page");
        }
    }

    private final CallRequests calls;
    private final TransactionRunner transactions;

    public ListOwnCalls(CallRequests calls, TransactionRunner transactions) {
        this.calls = calls;
        this.transactions = transactions;
    }

    public Page<CustomerCallView> handle(Command command) {
        CustomerActor customer = command.actor();
        return transactions.inTransaction(customer.tenant(), () -> calls.list(
                        customer.tenant(),
                        CallFilter.of(customer.id()),
                        CallRequests.Order.NEWEST_FIRST,
                        command.page())
                .map(CustomerCallView::of));
    }
}
