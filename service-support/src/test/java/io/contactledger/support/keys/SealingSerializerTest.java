package io.contactledger.support.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contactledger.events.ContactMerged;
import io.contactledger.events.ContactType;
import io.contactledger.events.CustomFieldSet;
import io.contactledger.events.CustomerIdLinked;
import io.contactledger.events.DetailsLeft;
import io.contactledger.events.MergedNote;
import io.contactledger.events.NoteEdited;
import io.contactledger.events.NoteWritten;
import io.contactledger.events.PersonalFields;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Events with personal fields as the store keeps them (DESIGN §9): revision 2, those fields sealed
 * with the contact's key; revision-1 payloads (the golden files of shared-events, written before
 * sealing) still read as they are; a deleted key leaves the personal fields null and the rest intact.
 */
class SealingSerializerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A fixed key for the revision-2 golden file: what it seals must open the same way for good. */
    private static final byte[] GOLDEN_KEY = toBytes(IntStream.range(0, 32));

    private final JdbcTemplate jdbc;
    private final ContactKeys keys;
    private final SealingSerializer serializer;

    SealingSerializerTest() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:keys-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        jdbc = new JdbcTemplate(h2);
        jdbc.execute("CREATE TABLE contact_key (workspace_id VARCHAR(63) NOT NULL, contact_id VARCHAR(64) NOT NULL,"
                + " secret VARBINARY(32) NOT NULL, created_at TIMESTAMP WITH TIME ZONE NOT NULL, PRIMARY KEY (workspace_id, contact_id))");
        keys = new ContactKeys(h2, new KeyMaker(), Clock.systemUTC());
        serializer = new SealingSerializer(JacksonSerializer.builder().revisionResolver(new AnnotationRevisionResolver()).build(), keys);
    }

    static List<Object> personalEvents() {
        return List.of(
                new DetailsLeft("demo", "c-1", "Ada Lovelace", "ada@example.com", "+442071838750", null, null),
                new CustomerIdLinked("demo", "c-1", "CUST-42"),
                new NoteWritten("demo", "c-1", "n-1", "Asked about pricing.", "agent-7"),
                new NoteEdited("demo", "c-1", "n-1", "Asked about enterprise pricing."),
                new CustomFieldSet("demo", "c-1", "student_id", "S-42"),
                new ContactMerged("demo", "c-1", "c-2", "Ada Lovelace", null, "+442071838750", null, null, "CUST-42",
                        List.of("vip"), List.of(new MergedNote("n-9", "Called back.", "agent-7", "2026-11-30T09:15:00Z", null)),
                        Map.of("plan", "pro"), ContactType.LEAD, ContactType.CUSTOMER));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("personalEvents")
    void aRevisionOneGoldenFileReadsAsItIs(Object event) throws IOException {
        // given the revision-1 file of the event, written before sealing existed (shared-events' golden file)
        String golden = Files.readString(Path.of("../shared-events/src/test/resources/golden/"
                + event.getClass().getSimpleName() + ".v1.json"));

        // when the store's serializer reads it as revision 1
        Object read = serializer.deserialize(new SimpleSerializedObject<>(golden.getBytes(StandardCharsets.UTF_8), byte[].class,
                event.getClass().getName(), "1"));

        // then it is the event, plain fields and all
        assertThat(read).isEqualTo(event);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("personalEvents")
    void personalFieldsAreStoredSealedAndReadBack(Object event) throws IOException {
        SerializedObject<byte[]> stored = serializer.serialize(event, byte[].class);

        ObjectNode json = (ObjectNode) JSON.readTree(stored.getData());
        assertThat(stored.getType().getRevision()).isEqualTo("2");
        assertThat(json.has("sealed")).isTrue();
        assertThat(PersonalFields.of(event.getClass().getName())).allMatch(field -> !json.has(field));
        assertThat(json.get("contactId").asText()).as("the rest stays readable").isEqualTo("c-1");
        assertThat(serializer.<byte[], Object>deserialize(stored)).isEqualTo(event);
    }

    @Test
    void aDeletedKeyLeavesThePersonalFieldsNullAndTheRestIntact() {
        SerializedObject<byte[]> stored = serializer.serialize(new DetailsLeft("demo", "c-1", "Ada", "ada@example.com", null,
                "GB", "Europe/London"), byte[].class);

        keys.delete("demo", "c-1");

        assertThat(serializer.<byte[], Object>deserialize(stored))
                .isEqualTo(new DetailsLeft("demo", "c-1", null, null, null, "GB", "Europe/London"));
        ContactMerged merged = serializer.deserialize(serializer.serialize(personalEvents().get(5), byte[].class));
        keys.delete("demo", "c-1");
        assertThat(serializer.<byte[], Object>deserialize(serializer.serialize(merged, byte[].class))).isNotNull();
    }

    @Test
    void aSealedValueMovedToAnotherContactOrChangedDoesNotOpen() throws IOException {
        SerializedObject<byte[]> stored = serializer.serialize(new CustomerIdLinked("demo", "c-1", "CUST-42"), byte[].class);
        serializer.serialize(new CustomerIdLinked("demo", "c-2", "CUST-43"), byte[].class);
        ObjectNode moved = (ObjectNode) JSON.readTree(stored.getData());
        moved.put("contactId", "c-2");

        assertThatThrownBy(() -> serializer.deserialize(new SimpleSerializedObject<>(JSON.writeValueAsBytes(moved), byte[].class,
                stored.getType()))).hasMessageContaining("does not open");
    }

    @Test
    void theRevisionTwoGoldenFileOpensWithItsKey() throws IOException {
        // given the golden file of a sealed DetailsLeft and the fixed key it was sealed with
        DetailsLeft event = new DetailsLeft("demo", "c-1", "Ada Lovelace", "ada@example.com", "+442071838750", null, null);
        jdbc.update("INSERT INTO contact_key (workspace_id, contact_id, secret, created_at) VALUES ('demo', 'c-1', ?, CURRENT_TIMESTAMP)",
                (Object) GOLDEN_KEY);
        Path file = Path.of("src/test/resources/golden-sealed/DetailsLeft.v2.json");
        if (!Files.exists(file) && Boolean.getBoolean("golden.write")) {
            Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(
                    JSON.readTree(serializer.serialize(event, byte[].class).getData())) + "\n");
        }
        byte[] golden = Files.readAllBytes(file);

        // when it is read as revision 2, then it is the event
        assertThat(serializer.<byte[], Object>deserialize(new SimpleSerializedObject<>(golden, byte[].class,
                DetailsLeft.class.getName(), "2"))).isEqualTo(event);
        assertThat(new String(golden, StandardCharsets.UTF_8)).doesNotContain("Ada").doesNotContain("example.com");
    }

    private static byte[] toBytes(IntStream values) {
        int[] all = values.toArray();
        byte[] bytes = new byte[all.length];
        for (int i = 0; i < all.length; i++) {
            bytes[i] = (byte) all[i];
        }
        return bytes;
    }
}
