package io.contactledger.command.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import io.contactledger.events.ActorKind;
import io.contactledger.events.Channel;
import io.contactledger.support.web.FieldViolation;
import io.contactledger.support.web.InvalidRequest;
import io.contactledger.support.web.RequestLog;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The actor of the current HTTP request. Until API keys land (DESIGN §6) it comes from the
 * {@code X-Actor-Kind}, {@code X-Actor-Id} and {@code X-Channel} headers, defaulting to
 * SYSTEM / anonymous / API; the correlation id is the request's. Outside a request (tests,
 * internal dispatch) the actor is the system itself.
 */
@Component
public class RequestActor {

    public static final String KIND_HEADER = "X-Actor-Kind";
    public static final String ID_HEADER = "X-Actor-Id";
    public static final String CHANNEL_HEADER = "X-Channel";
    private static final Pattern ACTOR_ID = Pattern.compile("[\\x21-\\x7E]{1,128}");

    public Actor current() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return new Actor(ActorKind.SYSTEM, "system", Channel.API, UUID.randomUUID().toString());
        }
        HttpServletRequest request = attributes.getRequest();
        List<FieldViolation> errors = new ArrayList<>();
        ActorKind kind = parse(ActorKind.class, request.getHeader(KIND_HEADER), ActorKind.SYSTEM, KIND_HEADER, errors);
        Channel channel = parse(Channel.class, request.getHeader(CHANNEL_HEADER), Channel.API, CHANNEL_HEADER, errors);
        String id = request.getHeader(ID_HEADER);
        if (id == null) {
            id = "anonymous";
        } else if (!ACTOR_ID.matcher(id).matches()) {
            errors.add(new FieldViolation(ID_HEADER, "must be 1-128 printable characters without spaces"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
        return new Actor(kind, id, channel, RequestLog.correlationIdOf(request));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String raw, E fallback, String header,
            List<FieldViolation> errors) {
        if (raw == null) {
            return fallback;
        }
        for (E value : type.getEnumConstants()) {
            if (value.name().equalsIgnoreCase(raw.strip())) {
                return value;
            }
        }
        errors.add(new FieldViolation(header, "must be one of " + List.of(type.getEnumConstants())));
        return fallback;
    }
}
