package io.contactledger.support.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A side's served OpenAPI document as a contract every test exchange is checked against: the
 * answer's status must be documented for its operation and its body must match the documented
 * schema (networknt's JSON Schema 2020-12 validator on the document's own schemas); a request the
 * service accepted must match its documented request body. So the document cannot drift from the code.
 */
public final class OpenApiContract implements Http.Observer {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, OpenApiContract> SERVED = new ConcurrentHashMap<>();

    private final JsonNode document;
    private final List<Route> routes = new ArrayList<>();
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private record Route(String template, Pattern pattern, int variables) {
    }

    private OpenApiContract(JsonNode document) {
        this.document = document;
        for (String template : document.get("paths").propertyNames()) {
            String regex = "^" + template.replaceAll("\\{[^}]+}", "[^/]+") + "$";
            int variables = template.split("\\{", -1).length - 1;
            routes.add(new Route(template, Pattern.compile(regex), variables));
        }
        routes.sort(Comparator.comparingInt(Route::variables));
    }

    /** The contract served at {@code base}/v3/api-docs, fetched once. */
    public static OpenApiContract servedBy(String base) {
        return SERVED.computeIfAbsent(base, url -> {
            try {
                HttpResponse<String> answer = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create(url + "/v3/api-docs")).build(), HttpResponse.BodyHandlers.ofString());
                return new OpenApiContract(JSON.readTree(answer.body()));
            } catch (Exception e) {
                throw new IllegalStateException("no OpenAPI document at " + url, e);
            }
        });
    }

    public JsonNode document() {
        return document;
    }

    @Override
    public void exchanged(String method, String path, String requestContentType, String requestBody, Http.Response response) {
        List<String> problems = check(method, path, requestContentType, requestBody, response.status(),
                response.contentType(), response.text());
        if (!problems.isEmpty()) {
            throw new AssertionError("OpenAPI contract broken by " + method + " " + path + " -> " + response.status() + ": "
                    + problems + "\nbody: " + abbreviate(response.text()));
        }
    }

    /** What the exchange broke of the document; empty when it kept to it (or is not an operation it documents). */
    public List<String> check(String method, String rawPath, String requestContentType, String requestBody, int status,
            String contentType, String body) {
        List<String> problems = new ArrayList<>();
        String path = rawPath.split("\\?", 2)[0];
        Optional<Route> route = routes.stream().filter(r -> r.pattern().matcher(path).matches()).findFirst();
        String verb = method.toLowerCase(Locale.ROOT);
        if (route.isEmpty() || !document.get("paths").get(route.get().template()).has(verb)) {
            return problems; // not an operation of the document (an unknown path, a method it does not take)
        }
        String operation = "/paths/" + escape(route.get().template()) + "/" + verb;
        JsonNode responses = document.at(operation + "/responses");
        String statusKey = responses.has(Integer.toString(status)) ? Integer.toString(status) : responses.has("default") ? "default" : null;
        if (statusKey == null) {
            problems.add("status " + status + " is not documented (documented: " + responses.propertyNames() + ")");
            return problems;
        }
        JsonNode content = responses.get(statusKey).get("content");
        if (content != null && body != null && !body.isEmpty() && !method.equals("HEAD")) {
            String mediaType = contentType == null ? "" : contentType.split(";")[0].strip();
            String documented = content.has(mediaType) ? mediaType : content.has("*/*") ? "*/*" : null;
            if (documented == null) {
                problems.add("content type " + mediaType + " is not documented (documented: " + content.propertyNames() + ")");
            } else if (mediaType.equals("application/json") || mediaType.endsWith("+json")) {
                problems.addAll(validate(operation + "/responses/" + escape(statusKey) + "/content/" + escape(documented) + "/schema", body));
            }
        }
        if (status < 300 && requestBody != null && !requestBody.isEmpty()) {
            JsonNode requestContent = document.at(operation + "/requestBody/content");
            if (!requestContent.isMissingNode()) {
                String mediaType = requestContentType == null ? "" : requestContentType.split(";")[0].strip();
                if (requestContent.has(mediaType) && !(mediaType.equals("application/json") || mediaType.endsWith("+json"))) {
                    // a CSV upload: the documented media type is all there is to check
                } else if (requestContent.has(mediaType)) {
                    problems.addAll(validate(operation + "/requestBody/content/" + escape(mediaType) + "/schema", requestBody)
                            .stream().map(p -> "accepted request body: " + p).toList());
                } else {
                    problems.add("accepted request content type " + mediaType + " is not documented");
                }
            }
        }
        return problems;
    }

    private List<String> validate(String pointer, String json) {
        Schema schema = schemas.computeIfAbsent(pointer, p -> {
            ObjectNode root = (ObjectNode) document.deepCopy();
            root.put("$schema", SpecificationVersion.DRAFT_2020_12.getDialectId());
            root.put("$ref", "#" + p);
            return registry.getSchema(root);
        });
        try {
            List<Error> errors = schema.validate(JSON.readTree(json));
            return errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
        } catch (RuntimeException notJson) {
            return List.of("body is not JSON: " + notJson.getMessage());
        }
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
