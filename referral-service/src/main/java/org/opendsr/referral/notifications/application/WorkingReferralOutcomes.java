package org.opendsr.referral.notifications.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.kit.access.NeedToKnow;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.audit.AuditOutcome;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.referral.access.application.RecordAccess;
import org.opendsr.referral.access.domain.AccessPurpose;
import org.opendsr.referral.audit.application.Actor;
import org.opendsr.referral.audit.application.AuditAction;
import org.opendsr.referral.notifications.domain.ReferralOutcomeToTell;
import org.opendsr.referral.shared.application.KeysetPage;
import org.opendsr.referral.shared.application.Now;
import org.opendsr.referral.shared.application.PageRequest;

/**
 * The worklist of referral outcomes not told to the referrer within 2 working days (or whose message failed for
 * good), for the DSR team of the area the referral was decided in and for leads; and recording that the referrer was
 * told another way, which takes it off. Another area's team is told "not found"; every line shown is audited as
 * listed, every record as a change.
 */
@Singleton
public class WorkingReferralOutcomes {

    static final String NOT_FOUND = "The referral outcome";

    private final ReferralOutcomesToTell outcomes;
    private final RecordAccess access;
    private final Clock clock;

    public WorkingReferralOutcomes(ReferralOutcomesToTell outcomes, RecordAccess access, Clock clock) {
        this.outcomes = outcomes;
        this.access = access;
        this.clock = clock;
    }

    @Transactional
    public KeysetPage<ReferralOutcomesToTell.Line> untold(PageRequest page, Caller caller, AccessPurpose purpose) {
        requireDsr(caller);
        KeysetPage<ReferralOutcomesToTell.Line> shown = outcomes.untold(caller.hasRole(DsrRoles.DSR_LEAD),
                List.copyOf(caller.areas()), LocalDate.now(clock), page);
        if (!shown.items().isEmpty()) {
            access.auditAll(shown.items().stream().map(ReferralOutcomesToTell.Line::personId).toList(),
                    Actor.of(caller), AuditAction.LISTED, "referral outcomes untold worklist", purpose, Now.of(clock));
        }
        return shown;
    }

    @Transactional
    public ReferralOutcomeToTell told(UUID referralId, ReferralOutcomeToTell.WayOfTelling how,
                                      @Nullable Instant toldAt, Caller caller, AccessPurpose purpose) {
        requireDsr(caller);
        Instant now = Now.of(clock);
        ReferralOutcomeToTell outcome = outcomes.lockedById(referralId).orElse(null);
        if (outcome == null) {
            access.auditAttempt(null, caller, "referral outcome " + referralId, AuditOutcome.NOT_FOUND);
            throw RuleBroken.notFound(NOT_FOUND);
        }
        // As the worklist shows it: the area the referral was decided in, or any team's when that was no area's.
        if (!NeedToKnow.worksTheArea(caller, outcome.area())) {
            access.auditAttempt(outcome.personId(), caller, "referral outcome " + referralId, AuditOutcome.REFUSED);
            throw RuleBroken.notFound(NOT_FOUND);
        }
        ReferralOutcomeToTell told = outcome.toldAnotherWay(new ReferralOutcomeToTell.ToldAnotherWay(how,
                caller.userId(), toldAt == null ? now : toldAt, caller.userId(), now));
        if (told == outcome) {
            return outcome;
        }
        outcomes.saveTold(told);
        access.audit(outcome.personId(), Actor.of(caller), AuditAction.CHANGED, "referral " + referralId
                + " outcome told to the referrer another way: " + how, purpose, now);
        return told;
    }

    private static void requireDsr(Caller caller) {
        if (!RecordAccess.worksTheRegister(caller)) {
            throw RuleBroken.forbidden("only the DSR team and leads work referral outcomes not told");
        }
    }
}
