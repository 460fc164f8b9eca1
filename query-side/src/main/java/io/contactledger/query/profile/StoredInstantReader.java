package io.contactledger.query.profile;

import java.time.Instant;

import io.contactledger.support.time.IsoInstants;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;

/**
 * Reads the instants of stored profile documents through {@link IsoInstants}, and anything it
 * does not take (another shape, a number) through Jackson's own reader, so what is read is the
 * same either way, only faster for the shape the documents hold.
 */
final class StoredInstantReader extends StdDeserializer<Instant> {

    StoredInstantReader() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) {
        if (parser.hasToken(JsonToken.VALUE_STRING)) {
            Instant fast = IsoInstants.parse(parser.getString());
            if (fast != null) {
                return fast;
            }
        }
        return InstantDeserializer.INSTANT.deserialize(parser, context);
    }
}
