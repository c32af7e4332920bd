package org.supportdesk.adapter.persistence;

/**
 * Hears of every statement the server sends through JDBI (see {@link ObservedDataSource}), with the correlation id of
 * the request or job that sent it: for the tests that pin how many statements a request costs, and for diagnosis.
 */
@FunctionalInterface
public interface StatementListener {
    /**
     * Called on the sending thread just before the statement goes out: {@code sql} is its text (a batch is one call,
     * whatever its rows), or {@code BEGIN}, {@code COMMIT} or {@code ROLLBACK} for the transaction's edges.
     */
    void sent(String correlationId, String sql);
}
