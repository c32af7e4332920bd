package org.supportdesk.domain.port;

/** The id of the request or job being served, stamped on journal entries so one action's entries can be found. */
public interface CorrelationIds {
    /** The current correlation id; never null. */
    String current();
}
