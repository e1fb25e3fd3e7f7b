package org.opendsr.reporting.measures.domain;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * A month's raw figures: from its frozen snapshot once the month has been cut ({@code provisional} false, with when
 * it was cut), or worked out live from the store while it is still open.
 */
public record MonthCells(YearMonth month, boolean provisional, Instant cutAt, List<RawCell> cells,
                         List<Restatement> restatements) {

    public MonthCells {
        cells = List.copyOf(cells);
        restatements = List.copyOf(restatements);
    }
}
