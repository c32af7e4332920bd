package org.supportdesk.adapter.http.events;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.supportdesk.application.feed.FeedItem;
import org.supportdesk.application.feed.ReadChanges;

/** §16's change-feed page: {@code {items:[{cursor, type, ticket_id, version, at, data}], next_cursor}}. */
record ChangeFeedResponse(List<Item> items, long nextCursor) {
    static ChangeFeedResponse of(ReadChanges.Changes changes) {
        return new ChangeFeedResponse(changes.items().stream().map(Item::of).toList(), changes.nextCursor());
    }

    /** One event; {@code data} is the JSON object the core wrote for this reader, served as is. */
    record Item(long cursor, String type, UUID ticketId, Long version, Instant at, @JsonRawValue String data) {
        static Item of(FeedItem item) {
            return new Item(
                    item.cursor(),
                    item.type(),
                    item.ticket().map(id -> id.value()).orElse(null),
                    item.version().orElse(null),
                    item.at(),
                    item.data());
        }
    }
}
