package org.opendsr.meeting.outcomes.application;

import java.time.LocalDate;
import java.util.List;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.meeting.shared.application.OverdueActions;

/** The agenda's "overdue actions": actions about people of the area not done by their due date, sweep or not. */
@Singleton
public class OverdueActionsForTheAgenda implements OverdueActions {

    private final MeetingOutcomes outcomes;

    public OverdueActionsForTheAgenda(MeetingOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    /** In the caller's transaction (the agenda's assembly), or a read-only one of its own. */
    @Override
    @Transactional(readOnly = true)
    public List<OverdueAction> inArea(String area, LocalDate asOf) {
        return outcomes.overdueInArea(area, asOf).stream()
                .map(action -> new OverdueAction(action.id(), action.personId(), action.dueOn()))
                .toList();
    }
}
