package io.contactledger.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contactledger.support.testing.Http.Response;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;

/**
 * The command side's OpenAPI document is valid OpenAPI that a client generator can use, names its
 * security and errors, and the example of every request body it documents is accepted by the
 * running service.
 */
class OpenApiDocumentTest extends CommandApiTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theDocumentIsValidOpenApiWithATitleSecurityAndProblemsForEveryOperation() throws Exception {
        String text = anonymous.get("/v3/api-docs").text();
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(text);
        assertThat(parsed.getMessages()).isEmpty();
        JsonNode document = JSON.readTree(text);
        assertThat(document.at("/info/title").asText()).isEqualTo("Contact Ledger command API");
        assertThat(document.at("/components/securitySchemes/apiKey/scheme").asText()).isEqualTo("bearer");
        assertThat(document.at("/components/schemas").has("Caller")).as("the injected caller is no parameter").isFalse();
        document.get("paths").forEach(item -> item.fields().forEachRemaining(method -> {
            JsonNode operation = method.getValue();
            assertThat(operation.get("responses").has("401")).isTrue();
            assertThat(operation.at("/responses/400/content/application~1problem+json/schema/$ref").asText())
                    .endsWith("ValidationProblem");
            assertThat(operation.at("/responses/503/headers").has("Retry-After")).isTrue();
            // every write takes an Idempotency-Key; the import's status reads take none
            List<String> headers = method.getKey().equals("get") ? List.of("X-Correlation-Id") : List.of("Idempotency-Key", "X-Correlation-Id");
            assertThat(operation.get("parameters").findValuesAsText("name")).containsAll(headers);
        }));
        assertThat(anonymous.get("/swagger-ui/index.html").status()).as("Swagger UI, open like the document").isEqualTo(200);
    }

    @Test
    void everyDocumentedRequestExampleIsAccepted() throws Exception {
        JsonNode schemas = JSON.readTree(anonymous.get("/v3/api-docs").text()).at("/components/schemas");
        create("example");
        // each body assembled from the examples its schema documents, sent where that schema is the body
        Map<String, String[]> uses = Map.of(
                "DefinitionRequest", new String[] {"PUT", WS + "/custom-fields/plan", "admin"},
                "DetailsRequest", new String[] {"POST", WS + "/contacts/example/details", "http"},
                "CustomerIdRequest", new String[] {"PUT", WS + "/contacts/example/customer-id", "http"},
                "TagRequest", new String[] {"POST", WS + "/contacts/example/tags", "http"},
                "NoteRequest", new String[] {"POST", WS + "/contacts/example/notes", "http"},
                "CustomFieldValueRequest", new String[] {"PUT", WS + "/contacts/example/custom-fields/plan", "http"});
        List<String> refused = new ArrayList<>();
        for (String name : List.of("DefinitionRequest", "DetailsRequest", "CustomerIdRequest", "TagRequest", "NoteRequest",
                "CustomFieldValueRequest")) {
            ObjectNode body = JSON.createObjectNode();
            schemas.get(name).get("properties").properties().forEach(property -> {
                if (property.getValue().has("example") && !property.getValue().path("deprecated").asBoolean()) {
                    body.set(property.getKey(), property.getValue().get("example"));
                }
            });
            String[] use = uses.get(name);
            Response response = (use[2].equals("admin") ? admin : http).send(use[0], use[1], body.toString(), "application/json");
            if (response.status() >= 300) {
                refused.add(name + " " + body + " -> " + response);
            }
        }
        String noteId = http.post(WS + "/contacts/example/notes", "{\"text\":\"n\"}").json().get("noteId").asText();
        ObjectNode edit = JSON.createObjectNode();
        edit.set("text", schemas.at("/NoteTextRequest/properties/text/example"));
        Response edited = http.put(WS + "/contacts/example/notes/" + noteId, edit.toString());
        if (edited.status() >= 300) {
            refused.add("NoteTextRequest -> " + edited);
        }
        assertThat(refused).isEmpty();
    }
}
