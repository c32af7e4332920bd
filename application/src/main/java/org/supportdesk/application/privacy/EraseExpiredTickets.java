package org.supportdesk.application.privacy;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.supportdesk.application.attachment.UnusedContent;
import org.supportdesk.application.work.AdminWork;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.journal.TargetKind;
import org.supportdesk.domain.port.AttachmentStore;
import org.supportdesk.domain.port.Attachments;
import org.supportdesk.domain.port.PersonalData;
import org.supportdesk.domain.port.TenantConfiguration;
import org.supportdesk.domain.privacy.Erasure;
import org.supportdesk.domain.tenant.SystemActor;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.ticket.TicketId;

/**
 * The retention rule (§16): erases what a tenant's closed tickets say once they have been closed longer than the
 * tenant's {@code erase_closed_after_days}, a batch a run; tenants without the rule keep everything. Each ticket in
 * its own transaction, journaled as {@code ticket_erased} by Supportdesk itself; its status, times, clocks and rating
 * stay, so the figures do. Running it twice erases nothing the second time.
 */
public final class EraseExpiredTickets {
    public record Command(TenantId tenant, int batchSize) {
        public Command {
            Objects.requireNonNull(tenant, "tenant");
            if (batchSize < 1) {
                throw new IllegalArgumentException("batch size must be positive");
            }
        }
    }

    private final AdminWork work;
    private final PersonalData personalData;
    private final TenantConfiguration configuration;
    private final Erasures erasures;
    private final InstantSource clock;

    public EraseExpiredTickets(
            AdminWork work,
            PersonalData personalData,
            TenantConfiguration configuration,
            Attachments attachments,
            AttachmentStore files,
            UnusedContent unusedContent,
            InstantSource clock) {
        this.work = work;
        this.personalData = personalData;
        this.configuration = configuration;
        this.erasures = new Erasures(work, attachments, files, unusedContent);
        this.clock = clock;
    }

    /** Answers how many tickets it erased. */
    public int handle(Command command) {
        TenantId tenant = command.tenant();
        Optional<Duration> retention =
                work.asSystem(tenant, () -> configuration.settings(tenant).eraseClosedAfter());
        if (retention.isEmpty()) {
            return 0;
        }
        Instant cutoff = clock.instant().minus(retention.get());
        List<TicketId> expired =
                work.asSystem(tenant, () -> personalData.expiredBefore(tenant, cutoff, command.batchSize()));
        SystemActor system = new SystemActor(tenant);
        int erased = 0;
        for (TicketId ticket : expired) {
            Optional<Erasure> done = work.asSystem(tenant, () -> {
                UUID entry = work.newId();
                Optional<Erasure> erasure = personalData.eraseExpiredTicket(tenant, ticket, cutoff, entry);
                erasure.ifPresent(e -> erasures.record(
                        entry, system, JournalAction.TICKET_ERASED, TargetKind.TICKET, ticket.value(), e));
                return erasure;
            });
            if (done.isPresent()) {
                erasures.removeUnusedContent(tenant, done.get());
                erased++;
            }
        }
        return erased;
    }
}
