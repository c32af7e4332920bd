package org.supportdesk.adapter.persistence;

import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.supportdesk.domain.port.Page;
import org.supportdesk.domain.port.PageRequest;

/**
 * A row of a page read together with the page's total ({@code count(*) OVER ()}, computed before {@code LIMIT}), which
 * saves the separate count's round trip and cannot disagree with the rows.
 */
record CountedRow<T>(T row, long total) {

    /**
     * The page of {@code rows}. A page past the last has no row to carry the total, so then (and only then) {@code
     * count} is asked; an empty first page means there is nothing at all.
     */
    static <T, R> Page<R> page(
            List<CountedRow<T>> rows, Function<T, R> toDomain, PageRequest page, LongSupplier count) {
        long total = rows.isEmpty()
                ? (page.offset() == 0 ? 0 : count.getAsLong())
                : rows.get(0).total();
        List<R> items = rows.stream().map(row -> toDomain.apply(row.row())).toList();
        return new Page<>(items, page.page(), page.limit(), total);
    }
}
