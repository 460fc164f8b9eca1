package io.contactledger.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.contactledger.events.ContactEvent;
import io.contactledger.support.testing.Http;
import io.swagger.v3.parser.OpenAPIV3Parser;
import org.junit.jupiter.api.Test;

/**
 * The project's own API reference (docs/api.md) names exactly the operations the two OpenAPI
 * documents describe: every documented operation is served, every served one is documented.
 */
class ApiReferenceTest extends BothSidesTestBase {

    private static final Pattern OPERATION = Pattern.compile("`(GET|POST|PUT|DELETE|PATCH) (/[^`]*)`");

    @Test
    void docsApiNamesEveryOperationOfBothOpenApiDocumentsAndNoOther() throws Exception {
        Set<String> served = new TreeSet<>();
        served.addAll(operations(commands));
        served.addAll(operations(anonymousQueries));

        String reference = Files.readString(Path.of(System.getProperty("user.dir")).getParent().resolve("docs/api.md"));
        Set<String> documented = new TreeSet<>();
        Matcher operation = OPERATION.matcher(reference);
        while (operation.find()) {
            documented.add(operation.group(1) + " " + operation.group(2));
        }

        assertThat(documented).as("docs/api.md against /v3/api-docs").isEqualTo(served);
    }

    @Test
    void bothDocumentsAreValidOpenApiWithTitlesNullableFieldsAndTheHistoryPayloadAsOneOfTheEvents() throws Exception {
        for (Http side : List.of(commands, anonymousQueries)) {
            String text = side.get("/v3/api-docs").text();
            assertThat(new OpenAPIV3Parser().readContents(text).getMessages()).as(side.base()).isEmpty();
            assertThat(side.get("/swagger-ui/index.html").status()).isEqualTo(200);
        }
        JsonNode query = new com.fasterxml.jackson.databind.ObjectMapper().readTree(anonymousQueries.get("/v3/api-docs").text());
        assertThat(query.at("/info/title").asText()).isEqualTo("Contact Ledger query API");
        assertThat(query.at("/components/schemas/ContactProfile/properties/email/type").toString()).contains("null");
        assertThat(query.at("/components/schemas/Note/properties/editedAt/type").toString()).contains("null");
        assertThat(query.at("/components/schemas/HistoryEntry/properties/payload/oneOf")).hasSize(ContactEvent.class.getPermittedSubclasses().length);
        assertThat(query.at("/paths/~1admin~1projections~1{name}~1rebuild/post/responses").has("202")).isTrue();
    }

    private static Set<String> operations(Http side) {
        JsonNode paths = side.get("/v3/api-docs").json().get("paths");
        Set<String> operations = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            path.getValue().fieldNames().forEachRemaining(method -> operations.add(method.toUpperCase() + " " + path.getKey()));
        }
        return operations;
    }
}
