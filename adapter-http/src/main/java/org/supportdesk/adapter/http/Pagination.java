package org.supportdesk.adapter.http;

import java.util.List;
import org.supportdesk.domain.port.ListCursor;
import org.supportdesk.domain.port.Page;

/**
 * The shape of every list (§17): {@code {items, pagination:{page, limit, total, total_pages, next_cursor}}}; a list
 * that pages by keyset gives {@code next_cursor} while a page follows, every other list null.
 */
public record Pagination<T>(List<T> items, Meta pagination) {
    /** Where the page stands in the whole list; totals are exact. */
    public record Meta(int page, int limit, long total, long totalPages, String nextCursor) {}

    public static <T> Pagination<T> of(Page<T> page) {
        return new Pagination<>(
                page.items(),
                new Meta(
                        page.page(),
                        page.limit(),
                        page.total(),
                        page.totalPages(),
                        page.next().map(ListCursor::encode).orElse(null)));
    }
}
