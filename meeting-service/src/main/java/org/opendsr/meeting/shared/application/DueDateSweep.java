package org.opendsr.meeting.shared.application;

import java.time.Instant;

/**
 * A periodic pass that marks what became overdue by {@code now} (agenda cut-offs, overdue actions) and announces each once. Run
 * by {@code DueDateSweepSchedule} and by a lead through {@code POST /meetings/sweeps}; running it twice announces
 * nothing twice.
 */
public interface DueDateSweep {

    /** A short name for logs and the sweep report, e.g. "agenda-cut-offs". */
    String name();

    /** @return how many became overdue in this pass */
    int sweep(Instant now);
}
