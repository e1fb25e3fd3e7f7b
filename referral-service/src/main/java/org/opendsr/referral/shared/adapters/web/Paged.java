package org.opendsr.referral.shared.adapters.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.opendsr.referral.shared.application.KeysetPage;
import org.opendsr.referral.shared.application.PageRequest;
import org.opendsr.kit.rules.RuleBroken;

/**
 * One page of a listing: {@code items} (at most {@code limit}), how many lines the listing has in all ({@code total}),
 * and {@code next}, the cursor to pass as {@code after} for the following page ({@code null} on the last page).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Paged<T>(int limit, long total, List<T> items, @Nullable String next) {

    public static <T> Paged<T> of(KeysetPage<T> page) {
        return new Paged<>(page.limit(), page.total(), page.items(), page.next());
    }

    /**
     * The page asked for. {@code page} (offset paging, which made the database count past every earlier line) is
     * no longer accepted: refused with 400 rather than silently showing the first page.
     */
    public static PageRequest request(@Nullable String after, int limit, @Nullable String page) {
        if (page != null) {
            throw RuleBroken.invalid("page", "is no longer accepted: ask for the first page without it, then pass each "
                    + "page's next as after");
        }
        if (after != null && after.isBlank()) {
            return new PageRequest(null, limit);
        }
        return new PageRequest(after, limit);
    }
}
