package org.opendsr.kit.sweep;

import java.time.Instant;

/**
 * A periodic pass that does what became due by {@code now} (marks overdue updates, obligations or actions, assembles
 * agendas past their cut-off) and announces each once. Each service runs its sweeps from a schedule and from a lead's
 * {@code POST .../sweeps}; running one twice announces nothing twice.
 */
public interface DueDateSweep {

    /** A short name for logs and the sweep report, e.g. "overdue-updates". */
    String name();

    /** @return how many became overdue in this pass */
    int sweep(Instant now);
}
