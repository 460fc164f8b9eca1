package io.contactledger.query.admin;

/**
 * Where a projection stands: the lowest position its segments reached, the head of the event store,
 * how far behind it is, whether it is replaying (a rebuild or a first catch-up), and the state of
 * the last rebuild asked of this instance.
 */
public record ProjectionStatus(String name, long position, long head, long lag, boolean replaying,
        boolean running, boolean error, int segments, String rebuild) {
}
