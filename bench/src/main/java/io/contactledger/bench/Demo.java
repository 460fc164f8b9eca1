package io.contactledger.bench;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code ./ledger demo}: a chat day against a running service, through the benchmark's client and
 * every role: visitors through the widget key (with their visitor tokens), leads, customers linked
 * by the shop backend or through a verified widget link, agents tagging, noting and recording
 * custom data. Keys come from the environment the launcher generated (data/keys.env). Ids carry the
 * run's time, so the demo can be played again on the same data.
 */
public final class Demo {

    private static final Pattern TOKEN = Pattern.compile("\"visitorToken\":\"([^\"]+)\"");
    private static final List<String> FIRST = List.of("Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Margaret",
            "Linus", "Radia", "Ken", "Frances", "Tim", "Sophie", "Hedy", "John");
    private static final List<String> LAST = List.of("Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Hamilton",
            "Torvalds", "Perlman", "Thompson", "Allen", "Berners-Lee", "Wilson", "Lamarr", "McCarthy");
    private static final List<String> COUNTRIES = List.of("GB", "DE", "FR", "NL", "IE", "US", "ES", "IT", "SE", "PL");
    private static final List<String> TAGS = List.of("vip", "bug", "feature-request", "billing", "churn-risk", "onboarding");
    private static final List<String> PLANS = List.of("free", "team", "enterprise");
    private static final List<String> TOPICS = List.of("pricing", "onboarding", "a bug in checkout", "the API", "invoices");

    private final String workspacePath;
    private final Client widget;
    private final Client agent;
    private final Client integration;
    private final Client admin;
    private final String identitySecret;
    private final Random random = new Random();
    private final Map<Integer, Integer> answers = new TreeMap<>();

    private Demo(String commandSide, Map<String, String> env) {
        this.workspacePath = "/api/v1/workspaces/demo";
        this.widget = new Client(commandSide, env.get("LEDGER_WIDGET_KEY"));
        this.agent = new Client(commandSide, env.get("LEDGER_AGENT_KEY"));
        this.integration = new Client(commandSide, env.get("LEDGER_INTEGRATION_KEY"));
        this.admin = new Client(commandSide, env.get("LEDGER_ADMIN_KEY"));
        String secrets = env.getOrDefault("LEDGER_IDENTITY_SECRETS", "");
        this.identitySecret = secrets.startsWith("demo:") ? secrets.substring("demo:".length()).split(",")[0] : null;
    }

    /** {@code Demo <command-side url> <query-side url> <visitors>}. */
    public static void main(String[] args) throws Exception {
        Demo demo = new Demo(args[0], System.getenv());
        int visitors = Integer.parseInt(args[2]);
        String run = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss")) + "-" + new Random().nextInt(100_000);
        System.out.println("Playing a chat day: " + visitors + " visitors against " + args[0] + demo.workspacePath + " ...");
        demo.defineFields();
        for (int i = 1; i <= visitors; i++) {
            demo.visit(run, i);
            if (i % 50 == 0) {
                System.out.println("  " + i + " visitors");
            }
        }
        int ok = demo.answers.getOrDefault(200, 0) + demo.answers.getOrDefault(201, 0);
        int failed = demo.answers.entrySet().stream().filter(e -> e.getKey() != 200 && e.getKey() != 201)
                .mapToInt(Map.Entry::getValue).sum();
        System.out.println("Done: " + visitors + " visitors, " + ok + " successful commands, " + failed + " failed.");
        String contact = String.format("visitor-%s-%04d", run, 1);
        System.out.println("Look: curl -s '" + args[1] + demo.workspacePath + "/contacts?type=CUSTOMER&limit=5' -H 'Authorization: Bearer $LEDGER_AGENT_KEY'");
        System.out.println("      curl -s " + args[1] + demo.workspacePath + "/contacts/" + contact + "/history -H 'Authorization: Bearer $LEDGER_AUDITOR_KEY'");
        System.exit(failed == 0 ? 0 : 1);
    }

    private void defineFields() throws InterruptedException {
        send(admin, "PUT", "/custom-fields/plan", "{\"label\":\"Plan\",\"type\":\"LIST\",\"options\":[\"free\",\"team\",\"enterprise\"]}");
        send(admin, "PUT", "/custom-fields/seats", "{\"label\":\"Seats\",\"type\":\"NUMBER\"}");
    }

    /** One visitor's chat: created by the widget, maybe a lead, maybe a customer, tagged and noted by agents. */
    private void visit(String run, int i) throws InterruptedException {
        String id = String.format("visitor-%s-%04d", run, i);
        String session = "chat-" + i + "-" + random.nextInt(100_000);
        String country = pick(COUNTRIES);
        Client.Reply created = send(widget, "POST", "/contacts", "{\"contactId\":\"" + id + "\",\"country\":\"" + country + "\"}",
                "X-Correlation-Id", session);
        Matcher token = TOKEN.matcher(created.body());
        String visitorToken = token.find() ? token.group(1) : "";
        if (random.nextInt(100) < 60) {
            String first = pick(FIRST);
            String last = pick(LAST);
            String email = (first + "." + last + "." + i + "@example.com").toLowerCase(java.util.Locale.ROOT);
            send(widget, "POST", "/contacts/" + id + "/details", "{\"name\":\"" + first + " " + last + "\",\"email\":\"" + email + "\"}",
                    "X-Visitor-Token", visitorToken, "X-Correlation-Id", session);
            if (random.nextInt(100) < 30) {
                String customer = "CUST-" + run + "-" + i;
                if (i % 2 == 0 && identitySecret != null) {
                    // the business backend signs the customer ID; the widget links it with that identityHash
                    send(widget, "PUT", "/contacts/" + id + "/customer-id", "{\"customerId\":\"" + customer
                            + "\",\"identityHash\":\"" + identityHash(customer) + "\"}",
                            "X-Visitor-Token", visitorToken, "X-Correlation-Id", session);
                } else {
                    send(integration, "PUT", "/contacts/" + id + "/customer-id", "{\"customerId\":\"" + customer + "\"}",
                            "X-Correlation-Id", session);
                }
                send(agent, "PUT", "/contacts/" + id + "/custom-fields/plan", "{\"value\":\"" + pick(PLANS) + "\"}", "X-Correlation-Id", session);
                send(agent, "PUT", "/contacts/" + id + "/custom-fields/seats", "{\"value\":" + (1 + random.nextInt(50)) + "}",
                        "X-Correlation-Id", session);
            }
        }
        if (random.nextInt(100) < 40) {
            send(agent, "POST", "/contacts/" + id + "/tags", "{\"tag\":\"" + pick(TAGS) + "\"}", "X-Correlation-Id", session);
        }
        if (random.nextInt(100) < 25) {
            send(agent, "POST", "/contacts/" + id + "/notes", "{\"text\":\"Chatted about " + pick(TOPICS) + "\"}", "X-Correlation-Id", session);
        }
    }

    /** Sends one command, retrying a 429 after its Retry-After as a widget should; counts the answer. */
    private Client.Reply send(Client client, String method, String path, String json, String... headers)
            throws InterruptedException {
        Client.Reply reply = client.send(method, workspacePath + path, json, headers);
        for (int attempt = 0; reply.status() == 429 && attempt < 5; attempt++) {
            Thread.sleep(1_000);
            reply = client.send(method, workspacePath + path, json, headers);
        }
        answers.merge(reply.status(), 1, Integer::sum);
        return reply;
    }

    private String identityHash(String customerId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(identitySecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(customerId.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
