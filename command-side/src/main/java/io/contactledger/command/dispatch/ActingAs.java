package io.contactledger.command.dispatch;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The actor of commands sent outside a request, on behalf of someone who asked earlier: an import
 * runs in the background as the key that uploaded it, through the IMPORT channel.
 */
public final class ActingAs {

    private static final ThreadLocal<Actor> CURRENT = new ThreadLocal<>();

    private ActingAs() {
    }

    public static <T> T call(Actor actor, Supplier<T> work) {
        Actor previous = CURRENT.get();
        CURRENT.set(actor);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    static Optional<Actor> current() {
        return Optional.ofNullable(CURRENT.get());
    }
}
