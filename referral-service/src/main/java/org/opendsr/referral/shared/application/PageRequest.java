package org.opendsr.referral.shared.application;

import io.micronaut.core.annotation.Nullable;

/**
 * Which page of a listing to show: at most {@code limit} lines after the cursor a previous page gave ({@code after}),
 * or the first lines when there is none. Keyset paging: the database seeks to the cursor through the listing's index
 * instead of counting past every earlier line, so the thousandth page costs what the first does.
 *
 * @param after an opaque cursor from {@link KeysetPage#next()}, or null for the first page
 * @param limit how many lines, 1 to {@link #MAX_LIMIT}
 */
public record PageRequest(@Nullable String after, int limit) {

    public static final int MAX_LIMIT = 100;
    public static final int DEFAULT_LIMIT = 20;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("a page holds 1 to " + MAX_LIMIT + " lines");
        }
    }

    public static PageRequest first(int limit) {
        return new PageRequest(null, limit);
    }

    /** Lines to fetch: one more than shown, so that whether another page follows is known without counting. */
    public int fetch() {
        return limit + 1;
    }
}
