package io.contactledger.query.webhooks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Subscriptions and their deliveries in the database, shared by every query-side instance. */
@Component
class WebhookStore {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final String WEBHOOK_COLUMNS = "workspace_id, name, url, event_types, enabled, secret, created_at, updated_at";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final JsonMapper json;

    WebhookStore(JdbcClient jdbc, JdbcTemplate batches, JsonMapper json) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.json = json;
    }

    // ---- subscriptions ----------------------------------------------------------------------

    /** Creates or changes a subscription; the secret is made once, when it is created. Returns it as stored. */
    Webhook save(String workspaceId, String name, String url, List<String> eventTypes, boolean enabled, long now) {
        String types = json.writeValueAsString(eventTypes);
        int updated = jdbc.sql("UPDATE webhook SET url = ?, event_types = ?, enabled = ?, updated_at = ? WHERE workspace_id = ? AND name = ?")
                .params(url, types, enabled, now, workspaceId, name).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO webhook (" + WEBHOOK_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(workspaceId, name, url, types, enabled, WebhookSignature.newSecret(), now, now).update();
        }
        return find(workspaceId, name).orElseThrow();
    }

    Optional<Webhook> find(String workspaceId, String name) {
        return jdbc.sql("SELECT " + WEBHOOK_COLUMNS + " FROM webhook WHERE workspace_id = ? AND name = ?")
                .params(workspaceId, name).query((rs, i) -> webhook(rs)).optional();
    }

    List<Webhook> all(String workspaceId) {
        return jdbc.sql("SELECT " + WEBHOOK_COLUMNS + " FROM webhook WHERE workspace_id = ? ORDER BY name")
                .param(workspaceId).query((rs, i) -> webhook(rs)).list();
    }

    List<Webhook> enabled() {
        return jdbc.sql("SELECT " + WEBHOOK_COLUMNS + " FROM webhook WHERE enabled = TRUE ORDER BY workspace_id, name")
                .query((rs, i) -> webhook(rs)).list();
    }

    boolean delete(String workspaceId, String name) {
        jdbc.sql("DELETE FROM webhook_delivery WHERE workspace_id = ? AND webhook_name = ?").params(workspaceId, name).update();
        return jdbc.sql("DELETE FROM webhook WHERE workspace_id = ? AND name = ?").params(workspaceId, name).update() == 1;
    }

    private Webhook webhook(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Webhook(rs.getString(1), rs.getString(2), rs.getString(3), json.readValue(rs.getString(4), STRINGS),
                rs.getBoolean(5), rs.getString(6), rs.getLong(7), rs.getLong(8));
    }

    // ---- fan-out ----------------------------------------------------------------------------

    /**
     * Creates the deliveries of up to {@code limit} feed events past the fan-out cursor, in the
     * caller's transaction; the cursor row stays locked until it commits, so one instance fans out
     * at a time. Returns how many events it went past.
     */
    int fanOut(List<Webhook> subscriptions, int limit, long now) {
        if (subscriptions.isEmpty()) {
            // nobody to deliver to: the cursor jumps to the feed's head without reading the events,
            // and writes nothing when it is there already (most ticks of most installations)
            jdbc.sql("UPDATE webhook_fanout SET position = (SELECT MAX(position) FROM event_feed) WHERE id = 1"
                    + " AND position < (SELECT COALESCE(MAX(position), 0) FROM event_feed)").update();
            return 0;
        }
        long cursor = jdbc.sql("SELECT position FROM webhook_fanout WHERE id = 1 FOR UPDATE").query(Long.class).single();
        record FeedRow(long position, String workspaceId, String contactId, String type) {
        }
        List<FeedRow> events = jdbc.sql("SELECT position, workspace_id, contact_id, event_type FROM event_feed"
                        + " WHERE position > ? ORDER BY position LIMIT ?")
                .params(cursor, limit)
                .query((rs, i) -> new FeedRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
        if (events.isEmpty()) {
            return 0;
        }
        List<Object[]> deliveries = new ArrayList<>();
        for (FeedRow event : events) {
            for (Webhook subscription : subscriptions) {
                if (subscription.workspaceId().equals(event.workspaceId()) && subscription.wants(event.type())) {
                    deliveries.add(new Object[] {UUID.randomUUID().toString(), event.workspaceId(), subscription.name(),
                            event.position(), event.contactId() == null ? "" : event.contactId(), event.type(), now, now});
                }
            }
        }
        if (!deliveries.isEmpty()) {
            batches.batchUpdate("INSERT INTO webhook_delivery (delivery_id, workspace_id, webhook_name, position, contact_key,"
                    + " event_type, status, attempts, next_attempt_at, lease_until, window_start)"
                    + " VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, ?, 0, ?)", deliveries);
        }
        jdbc.sql("UPDATE webhook_fanout SET position = ? WHERE id = 1").param(events.get(events.size() - 1).position()).update();
        return events.size();
    }

    // ---- sending ----------------------------------------------------------------------------

    record Ready(String deliveryId, long position) {
    }

    /**
     * Deliveries of the subscription due now and not held by anyone, each the oldest pending one of
     * its contact: a contact's next event waits until the one before it is delivered or parked.
     */
    List<Ready> ready(Webhook subscription, long now, int limit) {
        return jdbc.sql("SELECT d.delivery_id, d.position FROM webhook_delivery d WHERE d.workspace_id = ? AND d.webhook_name = ?"
                        + " AND d.status = 'pending' AND d.next_attempt_at <= ? AND d.lease_until < ?"
                        + " AND NOT EXISTS (SELECT 1 FROM webhook_delivery e WHERE e.workspace_id = d.workspace_id"
                        + " AND e.webhook_name = d.webhook_name AND e.contact_key = d.contact_key AND e.status = 'pending'"
                        + " AND e.position < d.position)"
                        + " ORDER BY d.position LIMIT ?")
                .params(subscription.workspaceId(), subscription.name(), now, now, limit)
                .query((rs, i) -> new Ready(rs.getString(1), rs.getLong(2))).list();
    }

    /** Holds the delivery for this instance until {@code until}; false if another instance holds it. */
    boolean lease(String deliveryId, String owner, long now, long until) {
        return jdbc.sql("UPDATE webhook_delivery SET lease_owner = ?, lease_until = ? WHERE delivery_id = ? AND status = 'pending'"
                        + " AND lease_until < ?")
                .params(owner, until, deliveryId, now).update() == 1;
    }

    /** The body a delivery carries: the feed's event with its workspace, as JSON. */
    Optional<byte[]> body(long position) {
        return jdbc.sql("SELECT position, event_id, workspace_id, contact_id, version, event_type, occurred_at, metadata, payload"
                        + " FROM event_feed WHERE position = ?")
                .param(position)
                .query((rs, i) -> {
                    var body = json.createObjectNode();
                    body.put("position", rs.getLong(1));
                    body.put("eventId", rs.getString(2));
                    body.put("workspaceId", rs.getString(3));
                    body.put("type", rs.getString(6));
                    body.put("contactId", rs.getString(4));
                    body.put("version", rs.getLong(5));
                    body.put("occurredAt", Instant.EPOCH.plusNanos(rs.getLong(7) * 1_000L).toString());
                    body.set("metadata", json.readTree(rs.getString(8)));
                    body.set("payload", json.readTree(rs.getString(9)));
                    return json.writeValueAsBytes(body);
                })
                .optional();
    }

    void delivered(String deliveryId, String owner, int status, long now) {
        jdbc.sql("UPDATE webhook_delivery SET status = 'delivered', attempts = attempts + 1, last_status = ?, last_error = NULL,"
                        + " delivered_at = ?, lease_until = 0 WHERE delivery_id = ? AND lease_owner = ? AND status = 'pending'")
                .params(status, now, deliveryId, owner).update();
    }

    /** A failed attempt: tried again at {@code nextAttempt}, or parked when that is past its window. */
    void attemptFailed(String deliveryId, String owner, Integer status, String error, long now,
            java.util.function.LongUnaryOperator nextAttemptAfter, long windowMillis) {
        record Attempts(int attempts, long windowStart) {
        }
        Optional<Attempts> current = jdbc.sql("SELECT attempts, window_start FROM webhook_delivery WHERE delivery_id = ?"
                        + " AND lease_owner = ? AND status = 'pending'")
                .params(deliveryId, owner).query((rs, i) -> new Attempts(rs.getInt(1), rs.getLong(2))).optional();
        if (current.isEmpty()) {
            return;
        }
        int attempts = current.get().attempts() + 1;
        long next = now + nextAttemptAfter.applyAsLong(attempts);
        boolean park = next - current.get().windowStart() > windowMillis;
        jdbc.sql("UPDATE webhook_delivery SET status = ?, attempts = ?, last_status = ?, last_error = ?, next_attempt_at = ?,"
                        + " lease_until = 0 WHERE delivery_id = ? AND lease_owner = ? AND status = 'pending'")
                .params(park ? Delivery.FAILED : Delivery.PENDING, attempts, status, abbreviated(error), park ? now : next,
                        deliveryId, owner)
                .update();
    }

    int purgeDelivered(long deliveredBefore) {
        return jdbc.sql("DELETE FROM webhook_delivery WHERE status = 'delivered' AND delivered_at < ?").param(deliveredBefore).update();
    }

    // ---- what admins see and do -----------------------------------------------------------------

    List<Delivery> deliveries(String workspaceId, String name, String status, long after, int limit) {
        return jdbc.sql("SELECT d.delivery_id, d.position, d.event_type, d.contact_key, d.status, d.attempts, d.last_status,"
                        + " d.last_error, d.next_attempt_at, d.delivered_at FROM webhook_delivery d"
                        + " WHERE d.workspace_id = ? AND d.webhook_name = ?" + (status == null ? "" : " AND d.status = ?")
                        + " AND d.position > ? ORDER BY d.position LIMIT ?")
                .params(status == null ? List.of(workspaceId, name, after, limit) : List.of(workspaceId, name, status, after, limit))
                .query((rs, i) -> {
                    String status1 = rs.getString(5);
                    Long delivered = (Long) rs.getObject(10, Long.class);
                    return new Delivery(rs.getString(1), rs.getLong(2), rs.getString(3),
                            rs.getString(4).isEmpty() ? null : rs.getString(4), status1, rs.getInt(6),
                            (Integer) rs.getObject(7, Integer.class), rs.getString(8),
                            Delivery.PENDING.equals(status1) ? Instant.ofEpochMilli(rs.getLong(9)) : null,
                            delivered == null ? null : Instant.ofEpochMilli(delivered));
                })
                .list();
    }

    /** Sends the delivery again from now, with a new retry window; false if there is none such. */
    boolean redeliver(String workspaceId, String name, String deliveryId, long now) {
        return jdbc.sql("UPDATE webhook_delivery SET status = 'pending', attempts = 0, next_attempt_at = ?, window_start = ?,"
                        + " lease_until = 0, delivered_at = NULL WHERE workspace_id = ? AND webhook_name = ? AND delivery_id = ?")
                .params(now, now, workspaceId, name, deliveryId).update() == 1;
    }

    private static String abbreviated(String error) {
        return error == null || error.length() <= 500 ? error : error.substring(0, 497) + "...";
    }
}
