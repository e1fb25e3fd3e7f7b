package org.opendsr.kit.paging;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;
import java.util.function.BiFunction;

import io.micronaut.core.annotation.Nullable;
import org.opendsr.kit.rules.RuleBroken;

/**
 * The opaque cursor of every keyset-paged list (risk-service's and meeting-service's worklists, a person's updates):
 * the sort key of the last line shown (a day or an instant, never anything personal) and its id, Base64url-encoded.
 * A cursor no page gave is refused naming {@code after}.
 */
public final class PageCursor {

    private PageCursor() {
    }

    public static String encode(Object key, UUID id) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((key + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** The position a page gave, read by {@code position} from its key and id; null for the first page. */
    public static <T> @Nullable T decode(@Nullable String cursor, BiFunction<String, UUID, T> position) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            if (parts.length == 2) {
                return position.apply(parts[0], UUID.fromString(parts[1]));
            }
        } catch (IllegalArgumentException | DateTimeParseException notOurs) {
            // Refused below, as any other cursor no page gave.
        }
        throw RuleBroken.invalid("after", "is not a cursor this list gave: use the next of the page before, "
                + "or leave it out for the first page");
    }
}
