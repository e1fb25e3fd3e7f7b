package org.opendsr.risk.updates.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import org.opendsr.kit.paging.PageCursor;
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
            return PageCursor.encode(postedAt, updateId);
        }

        public static @Nullable After of(@Nullable String cursor) {
            return PageCursor.decode(cursor, (postedAt, id) -> new After(Instant.parse(postedAt), id));
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
