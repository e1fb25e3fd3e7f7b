package org.opendsr.risk.updates.application;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.risk.updates.domain.PostedUpdate;
import org.opendsr.risk.updates.domain.UpdateSchedule;

/**
 * A person's updates box: their schedule (null if never rated) and a page of their updates, newest first, with the
 * cursor of the next page ({@code null} on the last).
 */
public record PersonUpdatesPage(UUID personId, @Nullable UpdateSchedule schedule, List<PostedUpdate> updates,
                                @Nullable String next) {

    /** Where a page starts: after the update posted at this instant with this id. */
    public record After(Instant postedAt, UUID updateId) {

        public String cursor() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((postedAt + "|" + updateId).getBytes(StandardCharsets.UTF_8));
        }

        public static @Nullable After of(@Nullable String cursor) {
            if (cursor == null || cursor.isBlank()) {
                return null;
            }
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8)
                        .split("\\|");
                if (parts.length == 2) {
                    return new After(Instant.parse(parts[0]), UUID.fromString(parts[1]));
                }
            } catch (IllegalArgumentException | DateTimeParseException notOurs) {
                // Refused below, as any other cursor no page gave.
            }
            throw RuleBroken.invalid("after", "is not a cursor this list gave: use the next of the page before, "
                    + "or leave it out for the first page");
        }
    }

    static PersonUpdatesPage of(UUID personId, @Nullable UpdateSchedule schedule, List<PostedUpdate> fetched,
                                int limit) {
        if (fetched.size() <= limit) {
            return new PersonUpdatesPage(personId, schedule, fetched, null);
        }
        List<PostedUpdate> shown = List.copyOf(fetched.subList(0, limit));
        PostedUpdate last = shown.get(limit - 1);
        return new PersonUpdatesPage(personId, schedule, shown, new After(last.postedAt(), last.updateId()).cursor());
    }
}
