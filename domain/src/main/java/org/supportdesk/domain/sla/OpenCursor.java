package org.supportdesk.domain.sla;

/**
 * Walks a calendar's open time forward as maximal disjoint intervals {@code [start, end)} in epoch microseconds,
 * sorted and never touching, starting with the first interval that ends after the cursor's origin.
 */
interface OpenCursor {
    /**
     * Moves to the next open interval if it starts before {@code limit}; otherwise stays put and answers false, and a
     * later call with a larger limit may still find it.
     */
    boolean next(long limit);

    long start();

    long end();
}
