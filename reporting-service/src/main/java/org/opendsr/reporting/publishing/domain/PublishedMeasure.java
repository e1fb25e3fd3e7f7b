package org.opendsr.reporting.publishing.domain;

import java.util.List;

import org.opendsr.reporting.measures.domain.Dimension;
import org.opendsr.reporting.measures.domain.Measure;

/** A measure's published cells: every group x dimension x category, ordered group, dimension, category. */
public record PublishedMeasure(Measure measure, List<PublishedCell> cells) {

    public PublishedMeasure {
        cells = List.copyOf(cells);
    }

    /** The cell of a group, dimension and category. */
    public PublishedCell cell(String group, Dimension dimension,
                              String category) {
        return cells.stream().filter(cell -> cell.group().equals(group) && cell.dimension() == dimension
                && cell.category().equals(category)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("no such cell in " + measure.id()));
    }
}
