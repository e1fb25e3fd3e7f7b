package org.opendsr.risk.updates.application;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import org.opendsr.kit.rules.RuleBroken;

/**
 * One page of the overdue-updates worklist and the cursor of the next ({@code null} on the last). Keyset paging by
 * (missed due date, personId): a page starts after the last line of the one before, whatever the list's length.
 */
public record OverdueUpdatesPage(LocalDate today, List<OverdueUpdate> entries, @Nullable String next) {

    /** Where a page starts: after this due date and person. Only a day and an id: no personal data. */
    public record After(LocalDate dueOn, UUID personId) {

        public String cursor() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((dueOn + "|" + personId).getBytes(StandardCharsets.UTF_8));
        }

        /** The cursor a page gave, or null for the first page; refused (400 naming after) if no page gave it. */
        public static @Nullable After of(@Nullable String cursor) {
            if (cursor == null || cursor.isBlank()) {
                return null;
            }
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8)
                        .split("\\|");
                if (parts.length == 2) {
                    return new After(LocalDate.parse(parts[0]), UUID.fromString(parts[1]));
                }
            } catch (IllegalArgumentException | DateTimeParseException notOurs) {
                // Refused below, as any other cursor no page gave.
            }
            throw RuleBroken.invalid("after", "is not a cursor this worklist gave: use the next of the page before, "
                    + "or leave it out for the first page");
        }
    }

    /** From the lines fetched (one more than the limit: the extra says another page follows). */
    static OverdueUpdatesPage of(LocalDate today, List<OverdueUpdate> fetched, int limit) {
        if (fetched.size() <= limit) {
            return new OverdueUpdatesPage(today, fetched, null);
        }
        List<OverdueUpdate> shown = List.copyOf(fetched.subList(0, limit));
        OverdueUpdate last = shown.get(limit - 1);
        return new OverdueUpdatesPage(today, shown, new After(last.dueOn(), last.personId()).cursor());
    }
}
