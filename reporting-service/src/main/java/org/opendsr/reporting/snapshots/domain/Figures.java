package org.opendsr.reporting.snapshots.domain;

import java.util.List;

import org.opendsr.reporting.measures.domain.RawCell;
import org.opendsr.reporting.measures.domain.Restatement;

/** A month's non-zero cells and its restatements, as worked out from the store or read back from a snapshot. */
public record Figures(List<RawCell> cells, List<Restatement> restatements) {

    public Figures {
        cells = List.copyOf(cells);
        restatements = List.copyOf(restatements);
    }
}
