package org.opendsr.risk.updates.adapters.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** A brief update to post: checked (required, trimmed, 1 to 2000 characters) by the domain, naming {@code text}. */
@Serdeable
@Schema(name = "UpdateToPost")
public record UpdateRequest(
        @Nullable @Schema(description = "The update: the current risk of admission and any significant change in "
                + "need, 1 to 2000 characters once trimmed. Stays in risk-service: never on an event.",
                requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = 2000)
        String text) {

    /** Never the text: a stray log of the request says nothing of what was written. */
    @Override
    public String toString() {
        return "UpdateRequest[text redacted]";
    }
}
