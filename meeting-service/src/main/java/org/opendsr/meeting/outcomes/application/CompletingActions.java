package org.opendsr.meeting.outcomes.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.kit.time.DsrClock;
import org.opendsr.meeting.outcomes.domain.AgreedAction;
import org.opendsr.meeting.shared.application.MeetingAccess;

/**
 * An agreed action was done. Recorded by the DSR team of the person's area or a lead, or by the professional named
 * as its owner while they are in the person's care team (they know first that it is done; the rest of the care team
 * may read it, not close it: 403). One transaction: the action, action-done, the audit line.
 */
@Singleton
public class CompletingActions {

    static final String WHAT = "meeting action";

    private final MeetingOutcomes outcomes;
    private final OutcomeEvents events;
    private final MeetingAccess access;
    private final Clock clock;

    public CompletingActions(MeetingOutcomes outcomes, OutcomeEvents events, MeetingAccess access, Clock clock) {
        this.outcomes = outcomes;
        this.events = events;
        this.access = access;
        this.clock = clock;
    }

    @Transactional
    public AgreedAction complete(UUID actionId, Caller caller) {
        AgreedAction unlocked = outcomes.findAction(actionId).orElseThrow(CompletingActions::notFound);
        UUID personId = unlocked.personId();
        try {
            boolean dsrTeamOrLead = caller.hasRole(DsrRoles.DSR_TEAM) || caller.hasRole(DsrRoles.DSR_LEAD);
            if (!dsrTeamOrLead && unlocked.isOwnedBy(caller.userId())) {
                access.change(personId, caller, WHAT);
            } else {
                access.requireDsrTeam(personId, caller, WHAT);
            }
        } catch (RuleBroken refused) {
            throw refused.kind() == RuleBroken.Kind.NOT_FOUND ? notFound() : refused;
        }
        AgreedAction action = outcomes.findActionForUpdate(actionId).orElseThrow(CompletingActions::notFound);
        Instant now = clock.instant();
        action.complete(LocalDate.ofInstant(now, DsrClock.ENGLAND), now, caller.userId());
        outcomes.saveAction(action);
        events.actionDone(action);
        access.audited(caller, personId, "CHANGED", WHAT,
                Map.of("actionId", actionId.toString(), "done", false),
                Map.of("actionId", actionId.toString(), "done", true, "doneOn", action.doneOn().orElseThrow()
                        .toString()));
        return action;
    }

    private static RuleBroken notFound() {
        return RuleBroken.notFound("Action");
    }
}
