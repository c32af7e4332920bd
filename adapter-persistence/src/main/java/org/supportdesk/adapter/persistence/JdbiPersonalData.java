package org.supportdesk.adapter.persistence;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.supportdesk.domain.attachment.ContentDigest;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.port.PersonalData;
import org.supportdesk.domain.privacy.Erasure;
import org.supportdesk.domain.privacy.JournalRedaction;
import org.supportdesk.domain.privacy.Pseudonym;
import org.supportdesk.domain.problem.NotFound;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.UserId;
import org.supportdesk.domain.ticket.TicketId;

/**
 * Erasure in place, table by table ({@link PersonalDataDao}), in the caller's transaction; the journal last, so its
 * redactions can be read back for the digest the erasure's own entry records.
 */
public final class JdbiPersonalData implements PersonalData {
    private static final String[] KEPT_FIELDS =
            JournalRedaction.KEPT_FIELDS.stream().sorted().toArray(String[]::new);
    /** Entries that record an erasure hold no personal data and are never redacted ({@link JournalRedaction}). */
    private static final String[] ERASURE_ACTIONS = Arrays.stream(JournalAction.values())
            .filter(JournalRedaction::recordsErasure)
            .map(JournalAction::wireName)
            .toArray(String[]::new);

    private final TenantScope scope;
    private final InstantSource clock;

    JdbiPersonalData(TenantScope scope, InstantSource clock) {
        this.scope = scope;
        this.clock = clock;
    }

    @Override
    public Erasure erasePerson(TenantId tenant, UserId person, Pseudonym pseudonym, UUID erasureEntry) {
        PersonalDataDao dao = dao(tenant);
        PersonalDataDao.Profile former =
                dao.lockCustomer(tenant.value(), person.value()).orElseThrow(() -> new NotFound("Person not found"));
        UUID[] tickets = dao.ticketsRequestedBy(tenant.value(), person.value()).toArray(UUID[]::new);
        return erase(
                dao,
                tenant,
                tickets,
                new PersonalDataDao.Who(
                        person.value(), former.name(), former.email(), pseudonym.name(), pseudonym.email()),
                erasureEntry);
    }

    @Override
    public Optional<Erasure> eraseExpiredTicket(TenantId tenant, TicketId ticket, Instant cutoff, UUID erasureEntry) {
        PersonalDataDao dao = dao(tenant);
        return dao.lockExpiredTicket(tenant.value(), ticket.value(), cutoff)
                .map(id -> erase(dao, tenant, new UUID[] {id}, PersonalDataDao.Who.NOBODY, erasureEntry));
    }

    @Override
    public List<TicketId> expiredBefore(TenantId tenant, Instant cutoff, int limit) {
        return dao(tenant).expiredBefore(tenant.value(), cutoff, limit).stream()
                .map(TicketId::new)
                .toList();
    }

    private Erasure erase(
            PersonalDataDao dao, TenantId tenant, UUID[] tickets, PersonalDataDao.Who who, UUID erasureEntry) {
        UUID[] calls = dao.eraseCalls(tenant.value(), tickets, who.person(), Pseudonym.ERASED)
                .toArray(UUID[]::new);
        PersonalDataDao.Erased erased = PersonalDataDao.Erased.of(tenant.value(), tickets, calls, who, clock.instant());
        int ticketCount = dao.eraseTickets(erased);
        int messages = dao.eraseMessages(erased);
        List<String> formerContents = dao.eraseAttachments(erased, ContentDigest.EMPTY.hex());
        int notifications = dao.eraseNotifications(erased);
        int changeEvents = dao.eraseChangeEvents(erased);
        int deliveries = dao.eraseDeliveries(erased);
        dao.eraseKeptResponses(tenant.value(), needles(erased));
        if (who.person() != null) {
            dao.eraseReceivedMails(erased);
            dao.eraseTelegramMessages(erased);
            dao.eraseTelegramTickets(erased);
            dao.eraseTelegramChats(erased);
            dao.eraseProfile(erased);
        }
        dao.redactJournal(erased, ids(erased), KEPT_FIELDS, ERASURE_ACTIONS, erasureEntry);
        List<ChainedRow> redacted = dao.redactedBy(tenant.value(), erasureEntry);
        return new Erasure(
                ticketCount,
                messages,
                formerContents.size(),
                redacted.size(),
                changeEvents,
                deliveries,
                notifications,
                formerContents.stream().map(ContentDigest::new).collect(Collectors.toSet()),
                JournalChain.redactedEntriesDigest(redacted));
    }

    /** The ids of what is erased: the tickets, the calls and the person. */
    private static UUID[] ids(PersonalDataDao.Erased erased) {
        return Stream.of(
                        Arrays.stream(erased.tickets()),
                        Arrays.stream(erased.calls()),
                        Stream.ofNullable(erased.person()))
                .flatMap(ids -> ids)
                .toArray(UUID[]::new);
    }

    /** What a kept response may mention: the ids of the person, their tickets and calls; their name and address. */
    private static String[] needles(PersonalDataDao.Erased erased) {
        List<String> needles = new ArrayList<>();
        Arrays.stream(ids(erased)).map(UUID::toString).forEach(needles::add);
        Stream.of(erased.formerName(), erased.formerEmail())
                .filter(text -> text != null && !text.isBlank())
                .forEach(needles::add);
        return needles.toArray(String[]::new);
    }

    private PersonalDataDao dao(TenantId tenant) {
        return scope.dao(tenant, PersonalDataDao.class);
    }
}
