package org.opendsr.referral.shared.application;

import java.util.List;
import java.util.function.Function;

import io.micronaut.core.annotation.Nullable;

/**
 * One page of a listing: its lines, how many there are in all, and the cursor to ask for the next page with
 * ({@code null} on the last page).
 */
public record KeysetPage<T>(List<T> items, int limit, long total, @Nullable String next) {

    /**
     * The page from the lines fetched for a request ({@link PageRequest#fetch()}: one more than shown); the extra
     * line only says that another page follows, whose cursor is the last shown line's.
     */
    public static <T> KeysetPage<T> of(List<T> fetched, PageRequest request, long total, Function<T, String> cursorOf) {
        if (fetched.size() <= request.limit()) {
            return new KeysetPage<>(List.copyOf(fetched), request.limit(), total, null);
        }
        List<T> shown = List.copyOf(fetched.subList(0, request.limit()));
        return new KeysetPage<>(shown, request.limit(), total, cursorOf.apply(shown.get(shown.size() - 1)));
    }

    public <R> KeysetPage<R> map(Function<T, R> mapping) {
        return new KeysetPage<>(items.stream().map(mapping).toList(), limit, total, next);
    }
}
