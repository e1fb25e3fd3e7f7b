package org.opendsr.risk.tools.domain;

import org.opendsr.contracts.common.RagRating;

/** The order of the ratings a tool may suggest, by risk of admission: GREEN, then AMBER, then RED. */
final class Severity {

    private Severity() {
    }

    static int of(RagRating rating) {
        return switch (rating) {
            case GREEN -> 0;
            case AMBER -> 1;
            case RED -> 2;
            // Never suggested by a tool (an inpatient is not a score); ToolDefinition refuses it before this is asked.
            case BLUE -> 3;
        };
    }

    static RagRating moreSevere(RagRating one, RagRating other) {
        return of(other) > of(one) ? other : one;
    }
}
