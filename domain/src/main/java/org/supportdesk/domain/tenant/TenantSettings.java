package org.supportdesk.domain.tenant;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A tenant's configuration the core reads: categories, reopen window, auto-close delay, the attachment limits (§6) and
 * the retention rule (§16): how long after closing a ticket's personal data is erased, if ever.
 */
public record TenantSettings(
        Set<Category> categories,
        Duration reopenWindow,
        Duration autoCloseDelay,
        AttachmentLimits attachmentLimits,
        Optional<Duration> eraseClosedAfter) {
    public static final List<String> DEFAULT_CATEGORIES =
            List.of("bug", "feature", "question", "billing", "technical", "other");

    public TenantSettings {
        categories = Set.copyOf(new LinkedHashSet<>(Objects.requireNonNull(categories, "categories")));
        requirePositive(reopenWindow, "reopen_window_days");
        requirePositive(autoCloseDelay, "auto_close_days");
        Objects.requireNonNull(attachmentLimits, "attachmentLimits");
        Objects.requireNonNull(eraseClosedAfter, "eraseClosedAfter");
        eraseClosedAfter.ifPresent(after -> requirePositive(after, "erase_closed_after_days"));
    }

    /** Settings without a retention rule. */
    public TenantSettings(
            Set<Category> categories,
            Duration reopenWindow,
            Duration autoCloseDelay,
            AttachmentLimits attachmentLimits) {
        this(categories, reopenWindow, autoCloseDelay, attachmentLimits, Optional.empty());
    }

    /**
     * What a new tenant starts with (§17): the six default categories, 7-day reopen window and auto-close delay, and
     * the §6 attachment limits.
     */
    public static TenantSettings defaults() {
        return new TenantSettings(
                DEFAULT_CATEGORIES.stream().map(Category::new).collect(Collectors.toSet()),
                Duration.ofDays(7),
                Duration.ofDays(7),
                AttachmentLimits.DEFAULTS);
    }

    public boolean offers(Category category) {
        return categories.contains(category);
    }

    /** These settings with other categories. */
    public TenantSettings withCategories(Set<Category> replaced) {
        return new TenantSettings(replaced, reopenWindow, autoCloseDelay, attachmentLimits, eraseClosedAfter);
    }

    private static void requirePositive(Duration duration, String field) {
        Objects.requireNonNull(duration, field);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(field + " must be positive");
        }
    }
}
