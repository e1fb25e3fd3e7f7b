package org.opendsr.risk.updates.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A brief update in a person's updates box: the current risk of admission and any significant change in need,
 * posted before the tracking meeting (Staffordshire DSR guidance).
 *
 * @param postedBy the subject of the professional who posted it
 */
public record PostedUpdate(UUID updateId, UUID personId, UpdateText text, String postedBy, Instant postedAt) {

    public PostedUpdate {
        Objects.requireNonNull(updateId, "updateId");
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(postedBy, "postedBy");
        Objects.requireNonNull(postedAt, "postedAt");
    }

    /** Never the text. */
    @Override
    public String toString() {
        return "PostedUpdate[updateId=" + updateId + ", personId=" + personId + ", postedAt=" + postedAt + "]";
    }
}
