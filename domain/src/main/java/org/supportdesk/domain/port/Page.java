package org.supportdesk.domain.port;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One page of a list and the exact total of matches (§17 {@code pagination}), and, from a list that pages by keyset,
 * the cursor of the page after it while there is one.
 */
public record Page<T>(List<T> items, int page, int limit, long total, Optional<ListCursor> next) {
    public Page(List<T> items, int page, int limit, long total) {
        this(items, page, limit, total, Optional.empty());
    }

    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(next, "next");
    }

    public long totalPages() {
        return (total + limit - 1) / limit;
    }

    public <R> Page<R> map(Function<T, R> mapping) {
        return new Page<>(items.stream().map(mapping).collect(Collectors.toList()), page, limit, total, next);
    }
}
