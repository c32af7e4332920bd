package org.supportdesk.application.testing;

/** An in-memory store that {@link InMemoryTransactionRunner} can roll back. */
public interface Snapshotting {
    /** A copy of everything the store holds. */
    Object snapshot();

    /** Puts back what {@link #snapshot()} returned. */
    void restore(Object snapshot);
}
