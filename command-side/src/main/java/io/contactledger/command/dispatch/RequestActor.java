package io.contactledger.command.dispatch;

import java.util.Optional;
import java.util.UUID;

import io.contactledger.events.ActorKind;
import io.contactledger.events.Channel;
import io.contactledger.support.security.ApiKeyFilter;
import io.contactledger.support.security.Caller;
import io.contactledger.support.web.RequestLog;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The actor of a command, from the authenticated API key and never from client headers: a widget
 * acts as the visitor (the contact itself) through the widget; agents and admins through the
 * console; integrations through the API. The correlation id is the request's. Outside a request
 * (internal dispatch) the actor is the system itself, unless the work runs {@link ActingAs} someone.
 */
@Component
public class RequestActor {

    public Actor of(Object command) {
        Optional<Actor> delegated = ActingAs.current();
        if (delegated.isPresent()) {
            return delegated.get();
        }
        String correlationId = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? RequestLog.correlationIdOf(attributes.getRequest()) : UUID.randomUUID().toString();
        return ApiKeyFilter.currentCaller()
                .map(caller -> actor(caller, command, correlationId))
                .orElseGet(() -> new Actor(ActorKind.SYSTEM, "system", Channel.API, correlationId));
    }

    private static Actor actor(Caller caller, Object command, String correlationId) {
        return switch (caller.role()) {
            case WIDGET -> new Actor(ActorKind.VISITOR,
                    command instanceof ContactAddressed c ? c.contact().contactId() : caller.name(), Channel.WIDGET, correlationId);
            case INTEGRATION -> new Actor(ActorKind.INTEGRATION, caller.name(), Channel.API, correlationId);
            default -> new Actor(ActorKind.AGENT, caller.name(), Channel.CONSOLE, correlationId);
        };
    }
}
