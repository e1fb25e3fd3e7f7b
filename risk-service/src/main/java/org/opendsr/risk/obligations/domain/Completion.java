package org.opendsr.risk.obligations.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.opendsr.contracts.risk.ReviewType;

/**
 * How an obligation was met, as reported by the DSR team (or, later, by meeting-service).
 *
 * @param completedOn the day it was done; never in the future
 * @param reviewType  the review that met it, where the kind allows several (a RED person's LAEP instead of a
 *                    community C(E)TR); null takes the kind's usual review
 * @param meetingId   the meeting it was done at, if any (meeting-service's id)
 * @param partners    for {@code CTR_PARTNERS} only: the agencies and services who would join a C(E)TR
 */
public record Completion(LocalDate completedOn, ReviewType reviewType, UUID meetingId, List<String> partners) {

    public Completion {
        partners = partners == null ? List.of() : List.copyOf(partners.stream().map(p -> p == null ? "" : p).toList());
    }

    public static Completion on(LocalDate completedOn) {
        return new Completion(completedOn, null, null, List.of());
    }
}
