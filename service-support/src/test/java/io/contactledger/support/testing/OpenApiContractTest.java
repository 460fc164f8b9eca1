package io.contactledger.support.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The contract check can fail: an undocumented status, a body off its schema, a null where none is allowed. */
class OpenApiContractTest {

    private static final String DOCUMENT = """
            {"openapi":"3.1.0","info":{"title":"t","version":"1"},
             "paths":{"/things/{id}":{"get":{"responses":{
                "200":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Thing"}}}},
                "404":{"content":{"application/problem+json":{"schema":{"type":"object","required":["status"]}}}}}}}},
             "components":{"schemas":{"Thing":{"type":"object","required":["id"],
                "properties":{"id":{"type":"string"},"name":{"type":["string","null"]},"size":{"type":"integer"}}}}}}
            """;

    private static OpenApiContract contract() throws Exception {
        Constructor<OpenApiContract> constructor = OpenApiContract.class.getDeclaredConstructor(JsonNode.class);
        constructor.setAccessible(true);
        return constructor.newInstance(JsonMapper.builder().build().readTree(DOCUMENT));
    }

    @Test
    void aDocumentedAnswerPassesAndEveryKindOfDriftFails() throws Exception {
        OpenApiContract contract = contract();

        assertThat(contract.check("GET", "/things/1", null, null, 200, "application/json", "{\"id\":\"1\",\"name\":null}")).isEmpty();
        assertThat(contract.check("GET", "/things/1", null, null, 500, "application/json", "{}"))
                .singleElement().asString().contains("not documented");
        assertThat(contract.check("GET", "/things/1", null, null, 200, "application/json", "{\"name\":\"x\"}")).isNotEmpty();
        assertThat(contract.check("GET", "/things/1", null, null, 200, "application/json", "{\"id\":\"1\",\"size\":null}")).isNotEmpty();
        assertThat(contract.check("GET", "/things/1", null, null, 404, "text/html", "<html>")).isNotEmpty();
        assertThat(contract.check("GET", "/elsewhere", null, null, 500, "text/html", "<html>")).as("not an operation").isEmpty();
    }
}
