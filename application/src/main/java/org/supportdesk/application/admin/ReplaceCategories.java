package org.supportdesk.application.admin;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.supportdesk.application.work.AdminWork;
import org.supportdesk.domain.journal.FieldChange;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.journal.TargetKind;
import org.supportdesk.domain.port.TenantConfiguration;
import org.supportdesk.domain.port.TicketRepository;
import org.supportdesk.domain.problem.Conflict;
import org.supportdesk.domain.problem.ValidationFailed;
import org.supportdesk.domain.tenant.Category;
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.tenant.TenantSettings;

/**
 * An admin replaces the tenant's set of categories (§17 "Settings"). Removing one that a ticket uses, even a
 * soft-deleted one, is a conflict naming it: tickets keep the category they were filed under.
 */
public final class ReplaceCategories {
    public static final int MAX_CATEGORIES = 100;

    public record Command(StaffActor actor, Set<Category> categories) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            categories = Set.copyOf(categories);
            if (categories.isEmpty()) {
                throw ValidationFailed.of("categories", "must name at least one category");
            }
            if (categories.size() > MAX_CATEGORIES) {
                throw ValidationFailed.of("categories", "at most " + MAX_CATEGORIES);
            }
        }
    }

    private final AdminWork work;
    private final TenantConfiguration configuration;
    private final TicketRepository tickets;

    public ReplaceCategories(AdminWork work, TenantConfiguration configuration, TicketRepository tickets) {
        this.work = work;
        this.configuration = configuration;
        this.tickets = tickets;
    }

    public TenantSettings handle(Command command) {
        StaffActor admin = command.actor();
        return work.asAdmin(admin, "change categories", () -> {
            TenantSettings before = configuration.settings(admin.tenant());
            Set<Category> removedInUse = tickets.categoriesInUse(admin.tenant()).stream()
                    .filter(c -> !command.categories().contains(c))
                    .collect(Collectors.toSet());
            if (!removedInUse.isEmpty()) {
                throw new Conflict("Tickets still use " + sorted(removedInUse) + "; keep those categories");
            }
            if (before.categories().equals(command.categories())) {
                return before;
            }
            TenantSettings after = before.withCategories(command.categories());
            configuration.save(admin.tenant(), after);
            work.record(
                    admin,
                    JournalAction.SETTINGS_CHANGED,
                    TargetKind.TENANT,
                    admin.tenant().value(),
                    List.of(FieldChange.of("categories", sorted(before.categories()), sorted(after.categories()))));
            return after;
        });
    }

    private static String sorted(Set<Category> categories) {
        return categories.stream()
                .map(Category::value)
                .collect(Collectors.toCollection(TreeSet::new))
                .toString();
    }
}
