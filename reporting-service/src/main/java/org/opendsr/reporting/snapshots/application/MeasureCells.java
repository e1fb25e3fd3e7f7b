package org.opendsr.reporting.snapshots.application;

import java.util.Set;

import org.opendsr.reporting.measures.domain.Measure;
import org.opendsr.reporting.snapshots.domain.FactWindow;
import org.opendsr.reporting.snapshots.domain.Figures;

/** Works out measures' cells and restatements for a month from the pseudonymised store. Runs in the caller's transaction. */
public interface MeasureCells {

    Figures workOut(FactWindow window, Set<Measure> measures);
}
