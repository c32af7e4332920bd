package org.supportdesk.application.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.supportdesk.domain.kb.ArticleId;
import org.supportdesk.domain.port.Page;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.port.People;
import org.supportdesk.domain.port.SlaBreachCandidates;
import org.supportdesk.domain.port.StatsWindow;
import org.supportdesk.domain.port.TicketExportRow;
import org.supportdesk.domain.port.TicketFilter;
import org.supportdesk.domain.port.TicketListItem;
import org.supportdesk.domain.port.TicketQueries;
import org.supportdesk.domain.port.TicketRepository;
import org.supportdesk.domain.port.TicketSort;
import org.supportdesk.domain.port.TicketStats;
import org.supportdesk.domain.tenant.Category;
import org.supportdesk.domain.tenant.CustomerActor;
import org.supportdesk.domain.tenant.Organization;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.ticket.Message;
import org.supportdesk.domain.ticket.MessageId;
import org.supportdesk.domain.ticket.StaleTicket;
import org.supportdesk.domain.ticket.Ticket;
import org.supportdesk.domain.ticket.TicketId;
import org.supportdesk.domain.ticket.TicketNumber;
import org.supportdesk.domain.ticket.TicketRef;
import org.supportdesk.domain.ticket.TicketState;
import org.supportdesk.domain.ticket.TicketStatus;
import org.supportdesk.domain.visibility.TicketAccess;

/** Tickets and conversations in maps, with the whole read side of {@link TicketQueries} done by streams. */
public final class InMemoryTicketRepository
        implements TicketRepository, TicketQueries, SlaBreachCandidates, Snapshotting {
    private final TenantBinding binding;
    private final People people;
    private Map<TicketId, TicketState> tickets = new HashMap<>();
    private Map<TicketId, List<Message>> messages = new HashMap<>();

    /** {@code people} is read to search by requester name and email. */
    public InMemoryTicketRepository(TenantBinding binding, People people) {
        this.binding = binding;
        this.people = people;
    }

    @Override
    public synchronized Optional<Ticket> find(TenantId tenant, TicketRef ref) {
        binding.require(tenant);
        return findIncludingDeleted(tenant, ref).filter(t -> !t.state().isDeleted());
    }

    @Override
    public synchronized Optional<Ticket> findIncludingDeleted(TenantId tenant, TicketRef ref) {
        binding.require(tenant);
        return tickets.values().stream()
                .filter(t -> t.tenant().equals(tenant))
                .filter(t -> ref instanceof TicketNumber ? t.number().equals(ref) : t.id().equals(ref))
                .findFirst()
                .map(Ticket::restore);
    }

    /** Nothing to hold: in-memory transactions already run one at a time. */
    @Override
    public void lock(TenantId tenant, TicketId ticket) {
        binding.require(tenant);
    }

    @Override
    public synchronized void save(Ticket ticket) {
        binding.require(ticket.tenant());
        TicketState state = ticket.state();
        TicketState stored = tickets.get(state.id());
        if (ticket.isNew()) {
            if (stored != null) {
                throw new IllegalStateException("ticket " + state.id() + " exists already");
            }
            boolean numberTaken = tickets.values().stream()
                    .anyMatch(
                            t -> t.tenant().equals(state.tenant()) && t.number().equals(state.number()));
            if (numberTaken) {
                throw new IllegalStateException("number " + state.number() + " is taken");
            }
        } else if (stored == null
                || !stored.tenant().equals(state.tenant())
                || stored.version() != ticket.persistedVersion()) {
            throw new StaleTicket(state.id(), ticket.persistedVersion());
        }
        tickets.put(state.id(), state);
        List<Message> conversation = new ArrayList<>(messages.getOrDefault(state.id(), List.of()));
        conversation.addAll(ticket.newMessages());
        messages.put(state.id(), List.copyOf(conversation));
    }

    @Override
    public synchronized void moveMessages(TenantId tenant, List<MessageId> moved, TicketId to) {
        binding.require(tenant);
        Set<MessageId> ids = Set.copyOf(moved);
        Map<TicketId, List<Message>> after = new HashMap<>();
        List<Message> arriving = new ArrayList<>(messages.getOrDefault(to, List.of()));
        messages.forEach((ticket, conversation) -> {
            List<Message> staying = new ArrayList<>();
            for (Message message : conversation) {
                if (message.tenant().equals(tenant) && ids.contains(message.id())) {
                    arriving.add(new Message(
                            message.id(),
                            message.tenant(),
                            to,
                            message.author(),
                            message.kind(),
                            message.customerVisible(),
                            message.body(),
                            message.via(),
                            message.resolution(),
                            message.createdAt()));
                } else {
                    staying.add(message);
                }
            }
            after.put(ticket, List.copyOf(staying));
        });
        after.put(to, List.copyOf(arriving));
        messages = after;
    }

    @Override
    public synchronized List<Message> conversationOf(TenantId tenant, TicketId ticket) {
        return Stream.concat(
                        messagesOf(tenant, ticket).stream(),
                        mergedInto(tenant, ticket).stream().flatMap(t -> messagesOf(tenant, t.id()).stream()))
                .sorted(Message.CONVERSATION_ORDER)
                .collect(Collectors.toList());
    }

    @Override
    public synchronized List<TicketState> mergedInto(TenantId tenant, TicketId target) {
        binding.require(tenant);
        return tickets.values().stream()
                .filter(t -> t.tenant().equals(tenant) && !t.isDeleted())
                .filter(t ->
                        t.mergedInto().filter(m -> m.ticket().equals(target)).isPresent())
                .sorted(Comparator.comparing(
                                (TicketState t) -> t.mergedInto().orElseThrow().at())
                        .thenComparing(TicketState::id))
                .collect(Collectors.toList());
    }

    @Override
    public synchronized List<Message> messagesOf(TenantId tenant, TicketId ticket) {
        binding.require(tenant);
        return messages.getOrDefault(ticket, List.of()).stream()
                .filter(m -> m.tenant().equals(tenant))
                .sorted(Message.CONVERSATION_ORDER)
                .collect(Collectors.toList());
    }

    @Override
    public synchronized Set<Category> categoriesInUse(TenantId tenant) {
        binding.require(tenant);
        return tickets.values().stream()
                .filter(t -> t.tenant().equals(tenant))
                .map(TicketState::category)
                .collect(Collectors.toSet());
    }

    @Override
    public synchronized boolean relatesToArticle(TenantId tenant, ArticleId article) {
        binding.require(tenant);
        return tickets.values().stream()
                .anyMatch(t -> t.tenant().equals(tenant) && t.relatedArticle().equals(Optional.of(article)));
    }

    @Override
    public synchronized List<TicketId> resolvedAtOrBefore(TenantId tenant, Instant resolvedAtOrBefore, int limit) {
        binding.require(tenant);
        return tickets.values().stream()
                .filter(t -> t.tenant().equals(tenant) && !t.isDeleted() && t.status() == TicketStatus.RESOLVED)
                .filter(t -> !t.sla().resolvedAt().orElseThrow().isAfter(resolvedAtOrBefore))
                .sorted(Comparator.comparing(
                                (TicketState t) -> t.sla().resolvedAt().orElseThrow())
                        .thenComparing(TicketState::id))
                .limit(limit)
                .map(TicketState::id)
                .collect(Collectors.toList());
    }

    @Override
    public synchronized List<TicketId> dueAtOrBefore(TenantId tenant, Instant now, int limit) {
        binding.require(tenant);
        return tickets.values().stream()
                .filter(t -> t.tenant().equals(tenant) && !t.isDeleted())
                .filter(t -> overdue(t.sla().firstResponseDueAt(), t.sla().firstResponseBreachedAt(), now)
                        || overdue(t.sla().resolutionDueAt(), t.sla().resolutionBreachedAt(), now))
                .sorted(Comparator.comparing((TicketState t) -> nextDue(t).orElseThrow())
                        .thenComparing(TicketState::id))
                .limit(limit)
                .map(TicketState::id)
                .collect(Collectors.toList());
    }

    private static boolean overdue(Optional<Instant> due, Optional<Instant> breached, Instant now) {
        return breached.isEmpty() && due.map(d -> !d.isAfter(now)).orElse(false);
    }

    @Override
    public synchronized Page<TicketListItem> list(
            TenantId tenant, TicketFilter filter, TicketSort sort, PageRequest page) {
        binding.require(tenant);
        List<TicketState> matches = tickets.values().stream()
                .filter(t -> t.tenant().equals(tenant) && !t.isDeleted())
                .filter(matching(filter))
                .sorted(order(sort, filter))
                .collect(Collectors.toList());
        List<TicketListItem> items = matches.stream()
                .skip(page.offset())
                .limit(page.limit())
                .map(this::listItem)
                .collect(Collectors.toList());
        return new Page<>(items, page.page(), page.limit(), matches.size());
    }

    @Override
    public synchronized TicketStats stats(TenantId tenant, TicketFilter filter, StatsWindow window) {
        binding.require(tenant);
        requireStaff(filter);
        Optional<TicketFilter> narrowed = window.narrow(filter);
        if (narrowed.isEmpty()) {
            return TicketStats.none(window);
        }
        List<TicketState> matches = tickets.values().stream()
                .filter(t -> t.tenant().equals(tenant) && !t.isDeleted())
                .filter(matching(narrowed.get()))
                .collect(Collectors.toList());
        Map<TicketStatus, Long> byStatus = new EnumMap<>(TicketStatus.class);
        for (TicketStatus status : TicketStatus.values()) {
            byStatus.put(
                    status, matches.stream().filter(t -> t.status() == status).count());
        }
        Map<LocalDate, Long> perDay = matches.stream()
                .collect(Collectors.groupingBy(
                        t -> LocalDate.ofInstant(t.createdAt(), ZoneOffset.UTC), Collectors.counting()));
        return new TicketStats(
                window,
                matches.size(),
                byStatus,
                matches.stream().filter(t -> t.assignee().isEmpty()).count(),
                new TicketStats.Breaches(
                        matches.stream()
                                .filter(t -> t.sla().firstResponseBreachedAt().isPresent())
                                .count(),
                        matches.stream()
                                .filter(t -> t.sla().resolutionBreachedAt().isPresent())
                                .count(),
                        matches.stream().filter(t -> t.sla().breached()).count()),
                TicketStats.Durations.ofMicros(
                        sinceCreation(matches, t -> t.sla().firstRespondedAt())),
                TicketStats.Durations.ofMicros(
                        sinceCreation(matches, t -> t.sla().resolvedAt())),
                new TicketStats.Ratings(
                        matches.stream().filter(TicketState::isRated).count(),
                        matches.stream()
                                .flatMap(t -> t.feedback().stream())
                                .mapToLong(f -> f.rating().value())
                                .sum()),
                TicketStats.perDay(window, perDay));
    }

    private static List<Long> sinceCreation(List<TicketState> tickets, Function<TicketState, Optional<Instant>> end) {
        return tickets.stream()
                .flatMap(t -> end.apply(t).map(at -> ChronoUnit.MICROS.between(t.createdAt(), at)).stream())
                .collect(Collectors.toList());
    }

    @Override
    public void export(TenantId tenant, TicketFilter filter, TicketSort sort, Consumer<TicketExportRow> rows) {
        List<TicketExportRow> matches;
        synchronized (this) {
            binding.require(tenant);
            requireStaff(filter);
            matches = tickets.values().stream()
                    .filter(t -> t.tenant().equals(tenant) && !t.isDeleted())
                    .filter(matching(filter))
                    .sorted(order(sort, filter))
                    .map(this::exportRow)
                    .collect(Collectors.toList());
        }
        // The reference semantics, not the streaming: PostgreSQL's store reads the rows as it hands them over.
        matches.forEach(rows);
    }

    private TicketExportRow exportRow(TicketState ticket) {
        Person requester = people.person(ticket.tenant(), ticket.requester())
                .orElseThrow(() -> new IllegalStateException("no requester " + ticket.requester()));
        return new TicketExportRow(
                ticket,
                requester.name(),
                requester.email(),
                ticket.organization()
                        .flatMap(o -> people.organization(ticket.tenant(), o))
                        .map(Organization::name),
                ticket.assignee()
                        .flatMap(a -> people.person(ticket.tenant(), a))
                        .map(Person::name));
    }

    private static void requireStaff(TicketFilter filter) {
        if (filter.customer().isPresent()) {
            throw new IllegalArgumentException("stats and exports are staff's, never narrowed to a customer");
        }
    }

    private TicketListItem listItem(TicketState ticket) {
        List<Message> visible = messagesOf(ticket.tenant(), ticket.id()).stream()
                .filter(Message::customerVisible)
                .collect(Collectors.toList());
        String requesterName = people.person(ticket.tenant(), ticket.requester())
                .map(Person::name)
                .orElseThrow(() -> new IllegalStateException("no requester " + ticket.requester()));
        return new TicketListItem(
                ticket,
                requesterName,
                visible.size(),
                visible.stream().map(Message::createdAt).max(Comparator.naturalOrder()));
    }

    private Predicate<TicketState> matching(TicketFilter f) {
        Predicate<TicketState> p =
                t -> f.customer().map(c -> TicketAccess.canSee(c, t)).orElse(true);
        p = p.and(t -> f.statuses().isEmpty() || f.statuses().contains(t.status()));
        p = p.and(t -> f.priorities().isEmpty() || f.priorities().contains(t.priority()));
        p = p.and(t -> f.categories().isEmpty() || f.categories().contains(t.category()));
        p = p.and(t -> f.assignee().unassigned()
                ? t.assignee().isEmpty()
                : f.assignee()
                        .person()
                        .map(a -> t.assignee().equals(Optional.of(a)))
                        .orElse(true));
        p = p.and(t -> f.tag().map(tag -> t.tags().values().contains(tag)).orElse(true));
        p = p.and(t -> f.requester().map(r -> t.requester().equals(r)).orElse(true));
        p = p.and(t -> f.organization()
                .map(o -> t.organization().equals(Optional.of(o)))
                .orElse(true));
        p = p.and(t -> f.escalated().map(e -> t.isEscalated() == e).orElse(true));
        p = p.and(t -> f.slaBreached().map(b -> t.sla().breached() == b).orElse(true));
        p = p.and(
                t -> f.createdFrom().map(from -> !t.createdAt().isBefore(from)).orElse(true));
        p = p.and(t -> f.createdTo().map(to -> t.createdAt().isBefore(to)).orElse(true));
        p = p.and(t -> f.text().map(q -> mentions(t, q, f.customer())).orElse(true));
        return p;
    }

    private boolean mentions(TicketState ticket, String query, Optional<CustomerActor> viewer) {
        String needle = query.toLowerCase(Locale.ROOT);
        Optional<Person> requester = people.person(ticket.tenant(), ticket.requester());
        Stream<String> fields = Stream.of(
                ticket.number().toString(),
                ticket.subject().value(),
                ticket.description().value(),
                requester.map(Person::name).orElse(""),
                requester.map(r -> r.email().value()).orElse(""));
        Stream<String> bodies = messagesOf(ticket.tenant(), ticket.id()).stream()
                .filter(m -> viewer.map(c -> TicketAccess.canSee(c, m)).orElse(true))
                .map(m -> m.body().value());
        return Stream.concat(fields, bodies)
                .anyMatch(text -> text.toLowerCase(Locale.ROOT).contains(needle));
    }

    private Comparator<TicketState> order(TicketSort sort, TicketFilter filter) {
        Comparator<TicketState> byId = Comparator.comparing(TicketState::id);
        Comparator<TicketState> byKey;
        switch (sort.key()) {
            case RELEVANCE:
                Comparator<TicketState> newestFirst = Comparator.comparing(TicketState::createdAt)
                        .thenComparing(byId)
                        .reversed();
                return filter.text()
                        .map(q -> Comparator.comparing((TicketState t) -> relevance(t, q))
                                .reversed()
                                .thenComparing(newestFirst))
                        .orElse(newestFirst);
            case UPDATED:
                byKey = Comparator.comparing(TicketState::updatedAt);
                break;
            case PRIORITY:
                byKey = Comparator.comparing(TicketState::priority);
                break;
            case DUE:
                // Tickets with nothing due sort last in either direction.
                Comparator<Optional<Instant>> dueOrder = (a, b) -> a.isPresent() && b.isPresent()
                        ? (sort.descending()
                                ? b.get().compareTo(a.get())
                                : a.get().compareTo(b.get()))
                        : Boolean.compare(a.isEmpty(), b.isEmpty());
                Comparator<TicketState> byDue = Comparator.comparing(InMemoryTicketRepository::nextDue, dueOrder);
                return byDue.thenComparing(sort.descending() ? byId.reversed() : byId);
            case CREATED:
            default:
                byKey = Comparator.comparing(TicketState::createdAt);
                break;
        }
        Comparator<TicketState> order = byKey.thenComparing(byId);
        return sort.descending() ? order.reversed() : order;
    }

    /** A stand-in for full-text rank: a hit in the subject beats one in the description, which beats the rest. */
    private static int relevance(TicketState ticket, String query) {
        String needle = query.toLowerCase(Locale.ROOT);
        if (ticket.subject().value().toLowerCase(Locale.ROOT).contains(needle)) {
            return 3;
        }
        return ticket.description().value().toLowerCase(Locale.ROOT).contains(needle) ? 2 : 1;
    }

    /** The nearer of the two SLA due times. */
    static Optional<Instant> nextDue(TicketState t) {
        return Stream.of(t.sla().firstResponseDueAt(), t.sla().resolutionDueAt())
                .flatMap(Optional::stream)
                .min(Comparator.naturalOrder());
    }

    @Override
    public synchronized Object snapshot() {
        return new Object[] {new HashMap<>(tickets), new HashMap<>(messages)};
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        Object[] parts = (Object[]) snapshot;
        tickets = (Map<TicketId, TicketState>) parts[0];
        messages = (Map<TicketId, List<Message>>) parts[1];
    }

    /** How many tickets of every tenant are stored, deleted ones included. */
    public synchronized int size() {
        return tickets.size();
    }
}
