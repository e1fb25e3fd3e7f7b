package org.opendsr.meeting.shared.application;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Actions agreed at meetings and not done by their due date, for the agenda ("overdue actions"). Implemented by the
 * outcomes feature, which owns actions.
 */
public interface OverdueActions {

    record OverdueAction(UUID actionId, UUID personId, LocalDate dueOn) {
    }

    /** The actions about people in the area that are not done and were due before {@code asOf}. */
    List<OverdueAction> inArea(String area, LocalDate asOf);
}
