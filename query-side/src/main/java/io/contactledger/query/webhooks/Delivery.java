package io.contactledger.query.webhooks;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** One event's delivery to one subscription, as an admin lists it. */
record Delivery(String deliveryId, long position, String eventType,
        @Schema(types = {"string", "null"}) String contactId, String status, int attempts,
        @Schema(types = {"integer", "null"}) Integer lastStatus, @Schema(types = {"string", "null"}) String lastError,
        @Schema(types = {"string", "null"}) Instant nextAttemptAt, @Schema(types = {"string", "null"}) Instant deliveredAt) {

    static final String PENDING = "pending";
    static final String DELIVERED = "delivered";
    static final String FAILED = "failed";
}
