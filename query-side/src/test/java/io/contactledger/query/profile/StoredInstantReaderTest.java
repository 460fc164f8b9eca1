package io.contactledger.query.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/** A stored document's instants are read as Jackson's own reader reads them, whatever their shape. */
class StoredInstantReaderTest {

    @Test
    void givenADocumentTheStoredInstantReaderReadsWhatJacksonsOwnReaderReads() {
        JsonMapper plain = JsonMapper.builder().build();
        JsonMapper stored = plain.rebuild()
                .addModule(new SimpleModule().addDeserializer(Instant.class, new StoredInstantReader()))
                .build();
        String document = "[\"2026-12-01T11:22:34.648Z\", \"2026-12-01T11:22:34Z\", \"0001-01-01T00:00:00.000000001Z\","
                + " \"+10000-01-01T00:00:00Z\", \"2026-12-01t11:22:34z\", 1764588154, 1764588154.5, null]";

        Instant[] fast = stored.readValue(document, Instant[].class);
        Instant[] general = plain.readValue(document, Instant[].class);

        assertThat(fast).containsExactly(general);
    }
}
