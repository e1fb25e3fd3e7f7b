package org.opendsr.meeting.shared.application;

import java.time.LocalDate;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import org.opendsr.contracts.common.RagRating;
import org.opendsr.contracts.risk.ObligationKind;

/**
 * One of risk-service's obligations as meeting-service follows it ({@code dsr.risk.obligation-*} events): what a
 * rating obliges (a C(E)TR, a multi-agency review, an oversight visit...), by when, and whether it is still open.
 */
public record ReviewObligation(
        UUID obligationId,
        UUID personId,
        ObligationKind kind,
        LocalDate dueOn,
        Status status,
        @Nullable RagRating rating) {

    public enum Status {
        DUE, OVERDUE, DONE, NOT_NEEDED
    }

    public boolean isOpen() {
        return status == Status.DUE || status == Status.OVERDUE;
    }
}
