package org.opendsr.referral.shared.application;

import java.util.List;
import java.util.function.Function;

/** One page of a listing: its items, which page (from 0) of what size, and how many there are in all. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public <R> Page<R> map(Function<T, R> mapping) {
        return new Page<>(items.stream().map(mapping).toList(), page, size, total);
    }

    public int offset() {
        return page * size;
    }
}
