package org.opendsr.referral.notifications.application;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.inject.Singleton;
import org.opendsr.contracts.referral.ReferralRoute;
import org.opendsr.kit.calendar.WorkingDayCalendars;
import org.opendsr.referral.lifecycle.application.TellingTheReferrer;
import org.opendsr.referral.lifecycle.domain.Referral;
import org.opendsr.referral.lifecycle.domain.ReferralStatus;
import org.opendsr.referral.notifications.domain.MessageKind;
import org.opendsr.referral.notifications.domain.ReferralOutcomeToTell;
import org.opendsr.referral.notifications.domain.ReferrerToldBy;
import org.opendsr.referral.person.domain.People;
import org.opendsr.referral.person.domain.Person;
import org.opendsr.referral.shared.application.Now;

/**
 * The referrer hears of their referral, in the transaction that receives or decides it: a self or family referrer an
 * acknowledgement with the first-contact date; every referrer the outcome, due within 2 working days of the decision
 * and kept for the DSR team's worklist until it reaches them. The messages hold codes and dates only: the reason's
 * plain words and the signposting are written at send time.
 */
@Singleton
public class TellingReferrers implements TellingTheReferrer {

    private final QueueingNotifications queueing;
    private final ReferralOutcomesToTell outcomes;
    private final People people;
    private final WorkingDayCalendars workingDays;
    private final Clock clock;

    public TellingReferrers(QueueingNotifications queueing, ReferralOutcomesToTell outcomes, People people,
                            WorkingDayCalendars workingDays, Clock clock) {
        this.queueing = queueing;
        this.outcomes = outcomes;
        this.people = people;
        this.workingDays = workingDays;
        this.clock = clock;
    }

    @Override
    public void received(Referral referral) {
        if (referral.route() != ReferralRoute.SELF_OR_FAMILY) {
            return;
        }
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("referralId", referral.id().toString());
        facts.put("receivedOn", referral.receivedOn().toString());
        facts.put("firstContactDueOn", referral.firstContactDueOn().toString());
        queueing.queueAboutReferral("referral-received:" + referral.id(), MessageKind.REFERRAL_RECEIVED, referral,
                facts);
    }

    @Override
    public void decided(Referral referral) {
        Instant decidedAt = referral.closedAt() == null ? Now.of(clock) : referral.closedAt();
        ReferrerToldBy due = ReferrerToldBy.forDecisionAt(decidedAt, workingDays.current());
        String area = people.byId(referral.personId()).map(Person::locality).orElse(null);
        outcomes.add(new ReferralOutcomeToTell(referral.id(), referral.personId(), area, decidedAt, due.dueOn(),
                null));
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("referralId", referral.id().toString());
        facts.put("outcome", referral.status().name());
        if (referral.status() == ReferralStatus.DECLINED && referral.declineReason() != null) {
            facts.put("declineReason", referral.declineReason().name());
        }
        facts.put("decidedOn", due.decidedOn().toString());
        facts.put("dueOn", due.dueOn().toString());
        if (area != null) {
            // A locality code (as on the referral events), for the area's own signposting: not personal data.
            facts.put("locality", area);
        }
        queueing.queueAboutReferral(ReferralOutcomesToTell.messageSource(referral.id()), MessageKind.REFERRAL_OUTCOME,
                referral, facts);
    }
}
