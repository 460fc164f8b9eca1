package io.contactledger.command.dispatch;

import java.util.List;
import java.util.function.BiFunction;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.stereotype.Component;

/**
 * Stamps every dispatched command with its actor; a correlation data provider then copies the
 * same keys onto every event the command causes, so no handler records them by hand.
 */
@Component
public class ActorMetadata implements MessageDispatchInterceptor<CommandMessage<?>> {

    private final RequestActor requestActor;

    public ActorMetadata(RequestActor requestActor) {
        this.requestActor = requestActor;
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> command.andMetaData(requestActor.of(command.getPayload()).asMetadata());
    }
}
