package org.supportdesk.domain.tenant;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A tenant's configuration the core reads: categories, reopen window, auto-close delay and the attachment limits (§6).
 */
public record TenantSettings(
        Set<Category> categories, Duration reopenWindow, Duration autoCloseDelay, AttachmentLimits attachmentLimits) {
    public static final List<String> DEFAULT_CATEGORIES =
            List.of("bug", "feature", "question", "billing", "technical", "other");

    public TenantSettings {
        categories = Set.copyOf(new LinkedHashSet<>(Objects.requireNonNull(categories, "categories")));
        requirePositive(reopenWindow, "reopen_window_days");
        requirePositive(autoCloseDelay, "auto_close_days");
        Objects.requireNonNull(attachmentLimits, "attachmentLimits");
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
        return new TenantSettings(replaced, reopenWindow, autoCloseDelay, attachmentLimits);
    }

    private static void requirePositive(Duration duration, String field) {
        Objects.requireNonNull(duration, field);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(field + " must be positive");
        }
    }
}
