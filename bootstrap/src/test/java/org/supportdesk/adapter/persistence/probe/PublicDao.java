package org.supportdesk.adapter.persistence.probe;

/** A DAO anyone could call, SQL and all. Never used. */
public interface PublicDao {
    int countEverything();
}
