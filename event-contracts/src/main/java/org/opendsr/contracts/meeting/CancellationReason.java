package org.opendsr.contracts.meeting;

import io.micronaut.serde.annotation.Serdeable;

/** Why a meeting or a booked review was cancelled, in words a topic may carry (any detail stays in meeting-service). */
@Serdeable
public enum CancellationReason {
    BANK_HOLIDAY, NOT_NEEDED, REARRANGED, CHAIR_UNAVAILABLE, PERSON_UNAVAILABLE, PERSON_LEFT_REGISTER, OTHER
}
