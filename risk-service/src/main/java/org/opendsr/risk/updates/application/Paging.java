package org.opendsr.risk.updates.application;

import io.micronaut.core.annotation.Nullable;
import org.opendsr.kit.rules.RuleBroken;

/** Page sizes of the updates lists: 50 when not given, at most 200 (the risk-service list convention). */
final class Paging {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    private Paging() {
    }

    static int limitOf(@Nullable Integer limit) {
        int chosen = limit == null ? DEFAULT_LIMIT : limit;
        if (chosen < 1 || chosen > MAX_LIMIT) {
            throw RuleBroken.invalid("limit", "must be from 1 to " + MAX_LIMIT);
        }
        return chosen;
    }
}
