package org.opendsr.risk.rating.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import org.opendsr.contracts.common.RagRating;
import org.opendsr.kit.access.PersonScope;
import org.opendsr.kit.paging.WorklistPage;
import org.opendsr.risk.shared.domain.InpatientSetting;

/** The people with a rating, filtered to those the caller may see, longest-rated first. */
public interface RatingWorklists {

    /** One line: who (by id), since when, whether indicative, where, and for BLUE the admission. */
    record Line(UUID personId, RagRating rating, Instant since, LocalDate sinceOn, boolean indicative,
                @Nullable String area, @Nullable LocalDate admittedOn, @Nullable InpatientSetting setting,
                @Nullable LocalDate noLoweringBefore) {
    }

    /** Up to {@code limit + 1} lines, so that the page knows whether another follows. */
    List<Line> rated(RagRating rating, @Nullable String area, PersonScope scope, @Nullable WorklistPage.After after,
                     int limit);
}
