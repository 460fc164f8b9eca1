package io.contactledger.support.idempotency;

/**
 * Told when a request under an Idempotency-Key was rolled back after its unit of work had already
 * committed to a savepoint: whatever an application keeps in memory from that work (the command
 * side's aggregate cache) must be forgotten.
 */
public interface AfterRollback {
    void forget();
}
