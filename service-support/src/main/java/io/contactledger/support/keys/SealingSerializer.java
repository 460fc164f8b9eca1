package io.contactledger.support.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

import javax.crypto.SecretKey;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
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
    private final java.util.Map<Class<?>, com.fasterxml.jackson.databind.ObjectReader> readers =
            new java.util.concurrent.ConcurrentHashMap<>();

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
        // the revision first: it tells most events apart without looking their type's name up
        if (!"2".equals(type.getRevision()) || PersonalFields.of(type.getName()).isEmpty()) {
            Class<?> event = classForType(type);
            if (!ContactEvent.class.isAssignableFrom(event)) {
                return plain.deserialize(serialized);
            }
            // our own events straight from their bytes: Axon's serializer resolves the class by name
            // (Class.forName) for every event it reads, a fifth of its time in a rebuild (JFR)
            try {
                return (T) readers.computeIfAbsent(event, json::readerFor)
                        .readValue(plain.getConverter().convert(serialized, byte[].class).getData());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        byte[] data = plain.getConverter().convert(serialized, byte[].class).getData();
        try {
            return (T) json.readValue(opened(data, type.getName()).asParser(), classForType(type));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The event's fields as tokens, its sealed ones opened in place of the {@code sealed} value: one
     * pass over the stored JSON and one over the opened value, no tree in between (building and
     * reading trees was most of a rebuild's reading time, JFR).
     */
    private TokenBuffer opened(byte[] data, String eventType) throws IOException {
        TokenBuffer event = new TokenBuffer(json, false);
        String sealed = null;
        String workspaceId = null;
        String contactId = null;
        try (JsonParser stored = json.getFactory().createParser(data)) {
            if (stored.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("a sealed event is not a JSON object");
            }
            event.writeStartObject();
            while (stored.nextToken() == JsonToken.FIELD_NAME) {
                String field = stored.currentName();
                JsonToken value = stored.nextToken();
                if (value == JsonToken.VALUE_STRING) {
                    switch (field) {
                        case SEALED -> {
                            sealed = stored.getText();
                            continue;
                        }
                        case "workspaceId" -> workspaceId = stored.getText();
                        case "contactId" -> contactId = stored.getText();
                        default -> {
                        }
                    }
                }
                event.writeFieldName(field);
                event.copyCurrentStructure(stored);
            }
        }
        if (sealed != null && workspaceId != null && contactId != null) {
            // no key: the contact was erased, and its personal fields read as null
            Optional<SecretKey> key = keys.find(workspaceId, contactId);
            if (key.isPresent()) {
                byte[] personal = Seal.open(key.get(), context(workspaceId, contactId, eventType), sealed);
                try (JsonParser opened = json.getFactory().createParser(personal)) {
                    if (opened.nextToken() != JsonToken.START_OBJECT) {
                        throw new IOException("a sealed value is not a JSON object");
                    }
                    while (opened.nextToken() == JsonToken.FIELD_NAME) {
                        event.writeFieldName(opened.currentName());
                        opened.nextToken();
                        event.copyCurrentStructure(opened);
                    }
                }
            }
        }
        event.writeEndObject();
        return event;
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
