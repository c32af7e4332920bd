package org.supportdesk.bootstrap;

/**
 * Every test of {@link ApiOnTwoInstancesTest} with both instances behind one PgBouncer in transaction mode, their
 * migrations, {@code LISTEN} and background locks on direct connections (docs/operations.md, "Behind PgBouncer").
 */
class ApiOnTwoInstancesThroughPgBouncerTest extends ApiOnTwoInstancesTest {
    @Override
    ServedDatabase database() {
        return ServedDatabase.throughPgBouncer();
    }
}
