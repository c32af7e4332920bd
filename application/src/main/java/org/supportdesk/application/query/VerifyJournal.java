package org.supportdesk.application.query;

import org.supportdesk.application.work.AdminWork;
import org.supportdesk.domain.journal.ChainVerdict;
import org.supportdesk.domain.port.Journal;
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.tenant.TenantId;

/**
 * Walks a tenant's hash-chained journal (§16) and says whether anyone changed, removed or reordered an entry behind the
 * application's back: for an admin of the tenant, and for the operator's command, which checks every tenant.
 */
public final class VerifyJournal {
    private final AdminWork work;
    private final Journal journal;

    public VerifyJournal(AdminWork work, Journal journal) {
        this.work = work;
        this.journal = journal;
    }

    public ChainVerdict handle(StaffActor actor) {
        return work.asAdmin(actor, "verify the journal", () -> journal.verifyChain(actor.tenant()));
    }

    /** For the operator, with no one of the tenant signed in. */
    public ChainVerdict ofTenant(TenantId tenant) {
        return work.asSystem(tenant, () -> journal.verifyChain(tenant));
    }
}
