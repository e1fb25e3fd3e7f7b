package org.opendsr.kit.paging;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import io.micronaut.core.annotation.Nullable;
import org.opendsr.kit.rules.RuleBroken;

/**
 * One page of a worklist (risk-service's RED and BLUE lists, overdue updates, obligations due; meeting-service's
 * worklists) and the cursor of the next page ({@code null} on the last). Keyset paging: every worklist is ordered by
 * a day and an id, and a page starts after the last line of the page before, through an index, however long the
 * list.
 */
public record WorklistPage<T>(List<T> items, @Nullable String next) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    /** Where a page starts: after the line with this day and id. Only a day and an id: no personal data. */
    public record After(LocalDate day, UUID id) {

        public String cursor() {
            return PageCursor.encode(day, id);
        }

        /** The cursor a page gave, or null for the first page; refused (400 naming after) if no page gave it. */
        public static @Nullable After of(@Nullable String cursor) {
            return PageCursor.decode(cursor, (day, id) -> new After(LocalDate.parse(day), id));
        }
    }

    /** From the lines fetched (one more than the limit: the extra one says another page follows). */
    public static <T> WorklistPage<T> of(List<T> fetched, int limit, Function<T, LocalDate> dayOf,
                                         Function<T, UUID> idOf) {
        if (fetched.size() <= limit) {
            return new WorklistPage<>(List.copyOf(fetched), null);
        }
        List<T> shown = fetched.subList(0, limit);
        T last = shown.get(limit - 1);
        return new WorklistPage<>(List.copyOf(shown), new After(dayOf.apply(last), idOf.apply(last)).cursor());
    }

    /** The limit asked for, or the default; refused (400 naming limit) outside 1..MAX_LIMIT. */
    public static int limit(@Nullable Integer asked) {
        int limit = asked == null ? DEFAULT_LIMIT : asked;
        if (limit < 1 || limit > MAX_LIMIT) {
            throw RuleBroken.invalid("limit", "must be from 1 to " + MAX_LIMIT);
        }
        return limit;
    }
}
