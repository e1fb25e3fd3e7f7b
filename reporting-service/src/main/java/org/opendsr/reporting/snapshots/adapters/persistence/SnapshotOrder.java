package org.opendsr.reporting.snapshots.adapters.persistence;

import java.util.Comparator;
import java.util.List;

import org.opendsr.reporting.measures.domain.RawCell;
import org.opendsr.reporting.measures.domain.Restatement;

/**
 * The one order cells and restatements are given in, whether worked out or read back from a snapshot: measure, group
 * (the measure's order; any other group after, by name), dimension (the measure's order), category (by name, in
 * Java, not the database's collation). So a cut month is the same list, in the same order, whenever it is read.
 */
final class SnapshotOrder {

    private SnapshotOrder() {
    }

    private static final Comparator<RawCell> CELLS = Comparator.<RawCell>comparingInt(cell -> cell.measure().ordinal())
            .thenComparingInt(cell -> groupIndex(cell.measure().groups(), cell.group()))
            .thenComparing(RawCell::group)
            .thenComparingInt(cell -> cell.measure().dimensions().indexOf(cell.dimension()))
            .thenComparing(RawCell::category);

    private static final Comparator<Restatement> RESTATEMENTS = Comparator
            .<Restatement>comparingInt(restatement -> restatement.measure().ordinal())
            .thenComparingInt(restatement -> groupIndex(restatement.measure().groups(), restatement.group()))
            .thenComparing(Restatement::group)
            .thenComparing(Restatement::occurredIn);

    static List<RawCell> cells(List<RawCell> cells) {
        return cells.stream().sorted(CELLS).toList();
    }

    static List<Restatement> restatements(List<Restatement> restatements) {
        return restatements.stream().sorted(RESTATEMENTS).toList();
    }

    private static int groupIndex(List<String> groups, String group) {
        int index = groups.indexOf(group);
        return index < 0 ? groups.size() : index;
    }
}
