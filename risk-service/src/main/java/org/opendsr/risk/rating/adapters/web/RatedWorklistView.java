package org.opendsr.risk.rating.adapters.web;

import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.opendsr.risk.rating.application.RatingWorklists;
import org.opendsr.risk.shared.application.WorklistPage;

/** One page of the RED or BLUE list; {@code next} is the cursor of the next page (absent on the last). */
@Serdeable
public record RatedWorklistView(List<RatingWorklists.Line> people, @Nullable String next) {

    static RatedWorklistView of(WorklistPage<RatingWorklists.Line> page) {
        return new RatedWorklistView(page.items(), page.next());
    }
}
