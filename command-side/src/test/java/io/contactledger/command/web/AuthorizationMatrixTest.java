package io.contactledger.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.contactledger.support.security.SignedToken;
import io.contactledger.support.testing.Http;
import io.contactledger.support.testing.Http.Response;
import io.contactledger.support.testing.TestKeys;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Every command endpoint × every role × own or foreign workspace × with or without a visitor
 * token: the exact status, and every refused write leaves the event store as it was.
 */
// the matrix creates a contact per cell through the widget key: far past the production rate
@TestPropertySource(properties = "ledger.security.widget-requests-per-second=100000")
class AuthorizationMatrixTest extends CommandApiTestBase {

    private static final List<String> ROLES = List.of("widget", "agent", "integration", "auditor", "admin", "operator");
    private int sequence;

    private record Endpoint(String name, String method, String pathAfterContact, String body) {
    }

    /** Who may run each endpoint in its own workspace; a widget also needs the visitor token where marked. */
    private static final Map<String, List<String>> ALLOWED = Map.ofEntries(
            Map.entry("create", List.of("widget", "agent", "integration", "admin")),
            Map.entry("details", List.of("widget*", "agent", "integration", "admin")),
            Map.entry("link", List.of("widget*", "integration")),
            Map.entry("tag", List.of("agent", "integration", "admin")),
            Map.entry("untag", List.of("agent", "integration", "admin")),
            Map.entry("note", List.of("agent", "integration", "admin")),
            Map.entry("edit-note", List.of("agent", "integration", "admin")),
            Map.entry("delete-note", List.of("agent", "integration", "admin")),
            Map.entry("field", List.of("agent", "integration", "admin")),
            Map.entry("clear-field", List.of("agent", "integration", "admin")),
            Map.entry("define", List.of("admin")));

    private List<Endpoint> endpoints(String contactId, String noteId) {
        String customerId = "CUST-" + contactId;
        return List.of(
                new Endpoint("create", "POST", "", "{\"contactId\":\"" + contactId + "-new\"}"),
                new Endpoint("details", "POST", "/details", "{\"name\":\"Ada\"}"),
                new Endpoint("link", "PUT", "/customer-id",
                        "{\"customerId\":\"" + customerId + "\",\"identityHash\":\"" + identityHash(customerId) + "\"}"),
                new Endpoint("tag", "POST", "/tags", "{\"tag\":\"vip\"}"),
                new Endpoint("untag", "DELETE", "/tags/vip", null),
                new Endpoint("note", "POST", "/notes", "{\"text\":\"hello\"}"),
                new Endpoint("edit-note", "PUT", "/notes/" + noteId, "{\"text\":\"hello again\"}"),
                new Endpoint("delete-note", "DELETE", "/notes/" + noteId, null),
                new Endpoint("field", "PUT", "/custom-fields/seats", "{\"value\":3}"),
                new Endpoint("clear-field", "DELETE", "/custom-fields/seats", null),
                new Endpoint("define", "PUT", "CUSTOM-FIELD", "{\"label\":\"Seats\",\"type\":\"NUMBER\"}"));
    }

    static String identityHash(String customerId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(TestKeys.IDENTITY_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(customerId.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyEndpointRoleWorkspaceAndTokenGetsExactlyItsStatus() {
        admin.put(WS + "/custom-fields/seats", "{\"label\":\"Seats\",\"type\":\"NUMBER\"}");
        List<String> wrong = new ArrayList<>();
        for (String role : ROLES) {
            for (boolean ownWorkspace : new boolean[] {true, false}) {
                for (boolean withToken : new boolean[] {true, false}) {
                    for (Endpoint endpoint : endpoints("x", "n")) {
                        check(role, ownWorkspace, withToken, endpoint, wrong);
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private void check(String role, boolean ownWorkspace, boolean withToken, Endpoint template, List<String> wrong) {
        // a fresh contact with a note, created by the widget so it holds a visitor token for it, and a
        // contact of the same id in the other workspace, so a 404 there is isolation, not "unknown"
        String contactId = "m" + (sequence++);
        Http widget = anonymous.with(TestKeys.bearer("widget", "demo"));
        String token = widget.post(WS + "/contacts", "{\"contactId\":\"" + contactId + "\"}").json().get("visitorToken").asText();
        String noteId = http.post(WS + "/contacts/" + contactId + "/notes", "{\"text\":\"first\"}").json().get("noteId").asText();
        Http otherIntegration = anonymous.with(TestKeys.bearer("integration", "other"));
        otherIntegration.post("/api/v1/workspaces/other/contacts", "{\"contactId\":\"" + contactId + "\"}");
        otherIntegration.post("/api/v1/workspaces/other/contacts/" + contactId + "/notes", "{\"text\":\"theirs\"}");
        otherIntegration.post("/api/v1/workspaces/other/contacts/" + contactId + "/tags", "{\"tag\":\"vip\"}");
        Endpoint endpoint = endpoints(contactId, noteId).stream().filter(e -> e.name().equals(template.name())).findFirst().orElseThrow();
        String workspace = ownWorkspace ? "demo" : "other";
        String base = "/api/v1/workspaces/" + workspace;
        String path = endpoint.pathAfterContact().equals("CUSTOM-FIELD") ? base + "/custom-fields/seats"
                : endpoint.pathAfterContact().isEmpty() ? base + "/contacts" : base + "/contacts/" + contactId + endpoint.pathAfterContact();
        String[] key = role.equals("operator") ? TestKeys.operator() : TestKeys.bearer(role, "demo");
        List<String> headers = new ArrayList<>(List.of(key));
        if (withToken) {
            headers.addAll(List.of("X-Visitor-Token", token));
        }
        long before = eventCount();
        List<String> theirs = eventsOf("other", contactId);

        Response response = anonymous.send(endpoint.method(), path, endpoint.body(), "application/json", headers.toArray(String[]::new));

        int expected = expectedStatus(role, ownWorkspace, withToken, endpoint);
        boolean refused = expected >= 400;
        String cell = role + (ownWorkspace ? " own " : " foreign ") + (withToken ? "with token " : "without token ") + endpoint.name();
        if (response.status() != expected) {
            wrong.add(cell + ": expected " + expected + " got " + response);
        } else if (refused && eventCount() != before) {
            wrong.add(cell + ": refused but the event store changed");
        } else if (refused && !response.contentType().startsWith("application/problem+json")) {
            wrong.add(cell + ": not problem+json");
        } else if (!eventsOf("other", contactId).equals(theirs)) {
            wrong.add(cell + ": the other workspace's contact of the same id changed");
        }
    }

    private static int expectedStatus(String role, boolean ownWorkspace, boolean withToken, Endpoint endpoint) {
        if (role.equals("operator")) {
            return 403;
        }
        if (!ownWorkspace) {
            return 404;
        }
        List<String> allowed = ALLOWED.get(endpoint.name());
        if (allowed.contains(role)) {
            return switch (endpoint.name()) {
                case "create", "note" -> 201;
                default -> 200;
            };
        }
        if (role.equals("widget") && allowed.contains("widget*")) {
            return withToken ? 200 : 403;
        }
        return 403;
    }

    private List<String> eventsOf(String workspace, String contactId) {
        return jdbc.sql("SELECT payload_type || ':' || sequence_number FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " ORDER BY sequence_number").param(workspace + "/" + contactId).query(String.class).list();
    }

    @Test
    void noKeyOrAnUnknownKeyIs401AndChangesNothing() {
        long before = eventCount();

        Response none = anonymous.post(WS + "/contacts", "{}");
        Response unknown = anonymous.post(WS + "/contacts", "{}", "Authorization", "Bearer not-a-real-key-at-all");
        Response notBearer = anonymous.post(WS + "/contacts", "{}", "Authorization", "Basic dXNlcjpwYXNz");

        assertThat(List.of(none.status(), unknown.status(), notBearer.status())).containsOnly(401);
        assertThat(none.contentType()).startsWith("application/problem+json");
        assertThat(unknown.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(eventCount()).isEqualTo(before);
        assertThat(anonymous.get("/actuator/health").status()).as("health stays open").isEqualTo(200);
        assertThat(anonymous.get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(http.get("/actuator/prometheus").status()).isEqualTo(403);
        assertThat(anonymous.get("/actuator/prometheus", TestKeys.operator()).status()).isEqualTo(200);
    }

    @Test
    void tamperedExpiredOrForeignVisitorTokensAndWrongIdentityHashesAreRefused() {
        Http widget = anonymous.with(TestKeys.bearer("widget", "demo"));
        String mine = widget.post(WS + "/contacts", "{\"contactId\":\"w-1\"}").json().get("visitorToken").asText();
        String theirs = widget.post(WS + "/contacts", "{\"contactId\":\"w-2\"}").json().get("visitorToken").asText();
        String tampered = mine.substring(0, mine.length() - 2) + (mine.endsWith("AA") ? "BB" : "AA");
        String[] payloadAndSignature = mine.split("\\.");
        String forgedClaims = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("demo|w-1|9999999999".getBytes(StandardCharsets.UTF_8)) + "." + payloadAndSignature[1];
        long before = eventCount();

        assertThat(widget.post(WS + "/contacts/w-1/details", "{\"name\":\"A\"}", "X-Visitor-Token", theirs).status()).isEqualTo(403);
        assertThat(widget.post(WS + "/contacts/w-1/details", "{\"name\":\"A\"}", "X-Visitor-Token", tampered).status()).isEqualTo(403);
        assertThat(widget.post(WS + "/contacts/w-1/details", "{\"name\":\"A\"}", "X-Visitor-Token", forgedClaims).status()).isEqualTo(403);
        assertThat(widget.post(WS + "/contacts/w-1/details", "{\"name\":\"A\"}", "X-Visitor-Token", "garbage").status()).isEqualTo(403);
        // correctly signed, but expired, or issued to another widget key of the workspace
        SignedToken signer = new SignedToken(TestKeys.TOKEN_SECRET);
        String expired = signer.sign("demo|w-1|" + TestKeys.name("widget", "demo") + "|" + (java.time.Instant.now().getEpochSecond() - 1));
        String anotherKeys = signer.sign("demo|w-1|another-widget|" + (java.time.Instant.now().getEpochSecond() + 3600));
        String valid = signer.sign("demo|w-1|" + TestKeys.name("widget", "demo") + "|" + (java.time.Instant.now().getEpochSecond() + 3600));
        assertThat(widget.post(WS + "/contacts/w-1/details", "{\"name\":\"A\"}", "X-Visitor-Token", expired).status()).isEqualTo(403);
        assertThat(widget.post(WS + "/contacts/w-1/details", "{\"name\":\"A\"}", "X-Visitor-Token", anotherKeys).status()).isEqualTo(403);
        assertThat(widget.put(WS + "/contacts/w-1/customer-id", "{\"customerId\":\"C-1\",\"identityHash\":\"" + identityHash("C-2") + "\"}",
                "X-Visitor-Token", mine).status()).isEqualTo(403);
        assertThat(widget.put(WS + "/contacts/w-1/customer-id", "{\"customerId\":\"C-1\"}", "X-Visitor-Token", mine).status()).isEqualTo(403);
        assertThat(widget.get(WS + "/contacts/w-1").status()).as("widgets read nothing").isIn(403, 405);
        assertThat(eventCount()).isEqualTo(before);
        assertThat(widget.post(WS + "/contacts/w-1/details", "{\"name\":\"A\"}", "X-Visitor-Token", valid).status())
                .as("the same claims, unexpired and for this key, are accepted").isEqualTo(200);

        Response linked = widget.put(WS + "/contacts/w-1/customer-id", "{\"customerId\":\"C-1\",\"identityHash\":\""
                + identityHash("C-1").toUpperCase() + "\"}", "X-Visitor-Token", mine);
        assertThat(linked.status()).isEqualTo(200);
        assertThat(linked.json().get("type").asText()).isEqualTo("CUSTOMER");
    }

    @Test
    void aWidgetActsAsTheVisitorThroughTheWidget() {
        Http widget = anonymous.with(TestKeys.bearer("widget", "demo"));
        String token = widget.post(WS + "/contacts", "{\"contactId\":\"w-3\"}").json().get("visitorToken").asText();
        widget.post(WS + "/contacts/w-3/details", "{\"name\":\"Ada\"}", "X-Visitor-Token", token);

        List<String> metadata = jdbc.sql("SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = 'demo/w-3'")
                .query((rs, i) -> new String(rs.getBytes(1), StandardCharsets.UTF_8)).list();
        assertThat(metadata).hasSize(2).allSatisfy(meta -> assertThat(meta)
                .contains("\"actorKind\":\"VISITOR\"").contains("\"actorId\":\"w-3\"").contains("\"channel\":\"WIDGET\""));
    }
}
