package org.supportdesk.domain.port;

import java.util.UUID;

/** Where new ids come from, so tests and embedders control them. */
public interface IdGenerator {
    /** A new unique id; implementations should be time-ordered (UUIDv7) so ids sort by creation. */
    UUID newId();
}
