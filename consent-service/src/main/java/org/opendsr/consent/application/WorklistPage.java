package org.opendsr.consent.application;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import io.micronaut.core.annotation.Nullable;
import org.opendsr.consent.domain.Consent;
import org.opendsr.kit.rules.RuleBroken;

/**
 * One page of a consent worklist: its consents and the cursor for the next page ({@code null} on the last). Keyset
 * paging: each worklist is ordered by a day and the consent id, and a page starts after the last line of the page
 * before, through the index, whatever the worklist's length.
 */
public record WorklistPage(List<Consent> consents, @Nullable String next) {

    public static final int MAX_LIMIT = 100;

    /** Where a page starts: after the line with this day and consent id. Only a day and an id: no personal data. */
    public record After(LocalDate day, UUID consentId) {

        public String cursor() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((day + "|" + consentId).getBytes(StandardCharsets.UTF_8));
        }

        /** The cursor a page gave, or null for the first page; refused (400 naming after) if no page gave it. */
        public static @Nullable After of(@Nullable String cursor) {
            if (cursor == null || cursor.isBlank()) {
                return null;
            }
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
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

    /** From the consents fetched (one more than the limit: the extra says another page follows). */
    static WorklistPage of(List<Consent> fetched, int limit, Function<Consent, LocalDate> dayOf) {
        if (fetched.size() <= limit) {
            return new WorklistPage(fetched, null);
        }
        List<Consent> shown = fetched.subList(0, limit);
        Consent last = shown.get(limit - 1);
        return new WorklistPage(List.copyOf(shown), new After(dayOf.apply(last), last.id()).cursor());
    }

    static void check(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw RuleBroken.invalid("limit", "must be from 1 to " + MAX_LIMIT);
        }
    }
}
