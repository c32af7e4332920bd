package org.supportdesk.domain.port;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** One page of a list and the exact total of matches (§17 {@code pagination}). */
public record Page<T>(List<T> items, int page, int limit, long total) {
    public Page {
        items = List.copyOf(items);
    }

    public long totalPages() {
        return (total + limit - 1) / limit;
    }

    public <R> Page<R> map(Function<T, R> mapping) {
        return new Page<>(items.stream().map(mapping).collect(Collectors.toList()), page, limit, total);
    }
}
