package io.contactledger.query.webhooks;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.contactledger.events.ContactEvent;
import io.contactledger.events.CustomFieldDefined;
import io.contactledger.query.web.NotFound;
import io.contactledger.query.web.PathIds;
import io.contactledger.query.web.QueryNumbers;
import io.contactledger.support.web.FieldViolation;
import io.contactledger.support.web.InvalidRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Webhook subscriptions and their deliveries (DESIGN §10; admin keys). */
@RestController
@RequestMapping(path = "/api/v1/workspaces/{workspaceId}/webhooks", produces = MediaType.APPLICATION_JSON_VALUE)
class WebhookController {

    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");
    static final Set<String> EVENT_TYPES = Stream.concat(Arrays.stream(ContactEvent.class.getPermittedSubclasses()),
            Stream.of(CustomFieldDefined.class)).map(Class::getSimpleName).collect(Collectors.toUnmodifiableSet());

    private final WebhookStore store;
    private final WebhookUrls urls;

    WebhookController(WebhookStore store, WebhookUrls urls) {
        this.store = store;
        this.urls = urls;
    }

    record WebhookRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "https://crm.example.com/hooks/ledger") String url,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "event type names, or [\"*\"] for every type",
                    example = "[\"DetailsLeft\", \"CustomerIdLinked\"]") List<String> eventTypes,
            @Schema(description = "true when absent") Boolean enabled) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record WebhookView(String name, String url, List<String> eventTypes, boolean enabled, Instant createdAt, Instant updatedAt,
            @Schema(description = "the signing secret: in the answer that created the subscription, never again") String secret) {

        static WebhookView of(Webhook webhook, boolean withSecret) {
            return new WebhookView(webhook.name(), webhook.url(), webhook.eventTypes(), webhook.enabled(),
                    Instant.ofEpochMilli(webhook.createdAt()), Instant.ofEpochMilli(webhook.updatedAt()),
                    withSecret ? webhook.secret() : null);
        }
    }

    record Deliveries(List<Delivery> deliveries,
            @Schema(description = "the last position of this page, or the request's after when it is empty") long nextAfter) {
    }

    record Redelivery(String deliveryId, String status) {
    }

    @PutMapping(path = "/{name}", consumes = MediaType.APPLICATION_JSON_VALUE)
    WebhookView save(@PathVariable String workspaceId, @PathVariable String name, @RequestBody WebhookRequest body) {
        PathIds.check(workspaceId, null);
        List<FieldViolation> errors = new ArrayList<>();
        if (!NAME.matcher(name).matches()) {
            errors.add(new FieldViolation("name", "must be 1-63 characters of a-z, 0-9, '_' or '-', starting with a letter or digit"));
        }
        urls.refusal(body.url()).ifPresent(why -> errors.add(new FieldViolation("url", why)));
        if (body.eventTypes() == null || body.eventTypes().isEmpty()) {
            errors.add(new FieldViolation("eventTypes", "must name at least one event type, or be [\"*\"]"));
        } else {
            for (String type : body.eventTypes()) {
                if (type == null || !type.equals(Webhook.ALL_TYPES) && !EVENT_TYPES.contains(type)) {
                    errors.add(new FieldViolation("eventTypes", "'" + type + "' is not an event type; the types are "
                            + EVENT_TYPES.stream().sorted().collect(Collectors.joining(", "))));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
        boolean created = store.find(workspaceId, name).isEmpty();
        Webhook saved = store.save(workspaceId, name, body.url(), body.eventTypes().stream().distinct().toList(),
                body.enabled() == null || body.enabled(), System.currentTimeMillis());
        return WebhookView.of(saved, created);
    }

    @GetMapping
    List<WebhookView> list(@PathVariable String workspaceId) {
        PathIds.check(workspaceId, null);
        return store.all(workspaceId).stream().map(webhook -> WebhookView.of(webhook, false)).toList();
    }

    @DeleteMapping("/{name}")
    WebhookView delete(@PathVariable String workspaceId, @PathVariable String name) {
        PathIds.check(workspaceId, null);
        Webhook webhook = subscription(workspaceId, name);
        store.delete(workspaceId, name);
        return WebhookView.of(webhook, false);
    }

    @GetMapping("/{name}/deliveries")
    Deliveries deliveries(@PathVariable String workspaceId, @PathVariable String name,
            @RequestParam(required = false) String status, @RequestParam(required = false) String after,
            @RequestParam(required = false) String limit) {
        PathIds.check(workspaceId, null);
        if (status != null && !List.of(Delivery.PENDING, Delivery.DELIVERED, Delivery.FAILED).contains(status)) {
            throw new InvalidRequest("status", "must be pending, delivered or failed");
        }
        long from = after == null ? 0 : QueryNumbers.nonNegative("after", after);
        int pageSize = QueryNumbers.inRange("limit", limit, 1, 1_000, 100);
        subscription(workspaceId, name);
        List<Delivery> page = store.deliveries(workspaceId, name, status, from, pageSize);
        return new Deliveries(page, page.isEmpty() ? from : page.get(page.size() - 1).position());
    }

    @PostMapping("/{name}/deliveries/{deliveryId}/redeliver")
    Redelivery redeliver(@PathVariable String workspaceId, @PathVariable String name, @PathVariable String deliveryId) {
        PathIds.check(workspaceId, null);
        subscription(workspaceId, name);
        if (!store.redeliver(workspaceId, name, deliveryId, System.currentTimeMillis())) {
            throw new NotFound("delivery " + deliveryId + " not found");
        }
        return new Redelivery(deliveryId, Delivery.PENDING);
    }

    private Webhook subscription(String workspaceId, String name) {
        return store.find(workspaceId, name).orElseThrow(() -> new NotFound("webhook " + name + " not found"));
    }
}
