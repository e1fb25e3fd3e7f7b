package org.opendsr.referral.shared.adapters.web;

import io.micronaut.core.annotation.Nullable;
import org.opendsr.kit.rules.RuleBroken;

/** Query parameters read strictly: a filter the caller mistyped is refused, not quietly read as something else. */
public final class QueryValues {

    private QueryValues() {
    }

    /** {@code true}, {@code false}, or absent; anything else is refused naming the parameter. */
    @Nullable
    public static Boolean trueOrFalse(String name, @Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        switch (text) {
            case "true":
                return Boolean.TRUE;
            case "false":
                return Boolean.FALSE;
            default:
                throw RuleBroken.invalid(name, "must be true or false");
        }
    }
}
