package org.supportdesk.application.query;

import java.util.List;
import org.supportdesk.domain.port.Page;
import org.supportdesk.domain.port.PageRequest;

/** Cuts one page out of a whole list that is already in order. */
final class Pages {
    private Pages() {}

    static <T> Page<T> slice(List<T> all, PageRequest request) {
        int from = (int) Math.min(all.size(), request.offset());
        int to = Math.min(all.size(), from + request.limit());
        return new Page<>(all.subList(from, to), request.page(), request.limit(), all.size());
    }
}
