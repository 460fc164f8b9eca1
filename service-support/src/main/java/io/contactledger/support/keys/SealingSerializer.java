package io.contactledger.support.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import javax.crypto.SecretKey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contactledger.events.ContactEvent;
import io.contactledger.events.PersonalFields;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * The event store's serializer: Jackson, except that the personal fields of an event
 * ({@link PersonalFields}) are stored sealed with the contact's own key, as one {@code sealed}
 * value beside the event's other fields (revision 2 of those events). Reading opens them with the
 * key; once the key is deleted (an erasure) they read as {@code null}. Revision-1 payloads, written
 * before sealing existed, hold the same fields in plain text and read as they are.
 */
public class SealingSerializer implements Serializer {

    static final String SEALED = "sealed";

    private final JacksonSerializer plain;
    private final ObjectMapper json;
    private final ContactKeys keys;
    // Axon resolves a type's class by name for every event read (Class.forName): a few event types, resolved once
    private final java.util.Map<String, Class<?>> classes = new java.util.concurrent.ConcurrentHashMap<>();

    public SealingSerializer(JacksonSerializer plain, ContactKeys keys) {
        this.plain = plain;
        this.json = plain.getObjectMapper();
        this.keys = keys;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        List<String> personal = object == null ? List.of() : PersonalFields.of(object.getClass().getName());
        if (personal.isEmpty() || !(object instanceof ContactEvent event)) {
            return plain.serialize(object, expectedRepresentation);
        }
        ObjectNode node = json.valueToTree(object);
        ObjectNode secret = json.createObjectNode();
        for (String field : personal) {
            JsonNode value = node.remove(field);
            if (value != null && !value.isNull()) {
                secret.set(field, value);
            }
        }
        if (!secret.isEmpty()) {
            SecretKey key = keys.findOrMake(event.workspaceId(), event.contactId());
            node.put(SEALED, Seal.close(key, context(event.workspaceId(), event.contactId(), object.getClass().getName()),
                    bytes(secret)));
        }
        SerializedObject<byte[]> sealed = new SimpleSerializedObject<>(bytes(node), byte[].class, typeForClass(object.getClass()));
        return plain.getConverter().convert(sealed, expectedRepresentation);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S, T> T deserialize(SerializedObject<S> serialized) {
        SerializedType type = serialized.getType();
        if (PersonalFields.of(type.getName()).isEmpty() || !"2".equals(type.getRevision())) {
            return plain.deserialize(serialized);
        }
        byte[] data = plain.getConverter().convert(serialized, byte[].class).getData();
        ObjectNode node = (ObjectNode) tree(data);
        JsonNode sealed = node.remove(SEALED);
        if (sealed != null) {
            String workspaceId = node.path("workspaceId").asText();
            String contactId = node.path("contactId").asText();
            // no key: the contact was erased, and its personal fields read as null
            keys.find(workspaceId, contactId).ifPresent(key -> node.setAll((ObjectNode) tree(
                    Seal.open(key, context(workspaceId, contactId, type.getName()), sealed.asText()))));
        }
        try {
            // straight from the tree: no second round of writing and parsing JSON per event
            return (T) json.treeToValue(node, classForType(type));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String context(String workspaceId, String contactId, String eventType) {
        return workspaceId + "/" + contactId + "/" + eventType;
    }

    private byte[] bytes(JsonNode node) {
        try {
            return json.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode tree(byte[] data) {
        try {
            return json.readTree(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return plain.canSerializeTo(expectedRepresentation);
    }

    @Override
    public Class classForType(SerializedType type) {
        return classes.computeIfAbsent(type.getName(), name -> plain.classForType(type));
    }

    @Override
    public SerializedType typeForClass(Class type) {
        return plain.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return plain.getConverter();
    }
}
