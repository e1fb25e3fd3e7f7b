package org.opendsr.risk.rating.adapters.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.opendsr.contracts.common.RagRating;
import org.opendsr.kit.paging.WorklistPage;
import org.opendsr.risk.rating.application.RatingWorklists;
import org.opendsr.risk.shared.domain.InpatientSetting;

/** One page of the RED or BLUE list; {@code next} is the cursor of the next page (absent on the last). */
@Serdeable
public record RatedWorklistView(List<RatedPerson> people, @Nullable String next) {

    /** Someone on the list, by personId (names are in referral-service, for those who may see them). */
    @Serdeable
    public record RatedPerson(UUID personId, RagRating rating, Instant since, LocalDate sinceOn, boolean indicative,
                              @Nullable String area, @Nullable LocalDate admittedOn,
                              @Nullable InpatientSetting setting, @Nullable LocalDate noLoweringBefore) {
    }

    static RatedWorklistView of(WorklistPage<RatingWorklists.Line> page) {
        return new RatedWorklistView(page.items().stream().map(line -> new RatedPerson(line.personId(),
                line.rating(), line.since(), line.sinceOn(), line.indicative(), line.area(), line.admittedOn(),
                line.setting(), line.noLoweringBefore())).toList(), page.next());
    }
}
