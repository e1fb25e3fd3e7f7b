package org.opendsr.referral.shared.adapters.messaging;

import java.util.function.Consumer;

import org.opendsr.kit.messaging.EventHandler;
import org.opendsr.kit.messaging.ReceivedEvent;
import org.opendsr.kit.messaging.UnprocessableEvent;
import org.opendsr.kit.rules.RuleBroken;

/**
 * An event the use case refuses (a bad value, an unknown person) can never succeed: it goes to the dead-letter topic
 * with the refusal as its reason. Refusals are written to carry no personal data.
 */
public final class HandlerRefusals {

    private HandlerRefusals() {
    }

    public static <T> EventHandler<T> deadLetteringRefusals(Consumer<ReceivedEvent<T>> handler) {
        return event -> {
            try {
                handler.accept(event);
            } catch (RuleBroken broken) {
                throw UnprocessableEvent.rejected(broken.field() == null ? broken.getMessage()
                        : broken.field() + ": " + broken.getMessage());
            }
        };
    }
}
