package org.opendsr.consent.domain;

import java.time.LocalDate;
import java.util.Objects;

/** The day a consent must be renewed by, and why: from that day it is overdue. */
public record RenewalDue(LocalDate on, RenewalReason reason) {

    public RenewalDue {
        Objects.requireNonNull(on, "on");
        Objects.requireNonNull(reason, "reason");
    }
}
