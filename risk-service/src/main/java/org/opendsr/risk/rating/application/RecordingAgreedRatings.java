package org.opendsr.risk.rating.application;

import static org.opendsr.risk.shared.application.SystemActors.MEETING_SERVICE;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.contracts.common.RagRating;
import org.opendsr.contracts.meeting.RatingAgreed;
import org.opendsr.kit.messaging.ReceivedEvent;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.kit.time.DsrClock;
import org.opendsr.risk.rating.domain.Decider;
import org.opendsr.risk.rating.domain.PersonRating;
import org.opendsr.risk.rating.domain.PersonRatings;
import org.opendsr.risk.rating.domain.RatingDecision;
import org.opendsr.risk.rating.domain.RatingProposal;
import org.opendsr.risk.rating.domain.RatingRules;
import org.opendsr.risk.shared.application.RiskAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A DSR meeting agreed a person's rating (meeting-service's {@code rating-agreed}): risk-service records it as agreed
 * at that meeting, confirmed (not indicative), through the same rules as any rating. The discussion and the meeting's
 * rationale are free text and stay in meeting-service's outcome; the rating here points to the meeting.
 *
 * <ul>
 *   <li>Decided as {@link Decider#DSR_TEAM}: the event names who recorded the outcome (a DSR team member or a lead)
 *       but not in which role, and both confirm a rating alike; the audit names the subject.</li>
 *   <li>A rule refusal (RED for the discharge floor, an inpatient leaving as RED, someone no longer on the register)
 *       records nothing and is audited as REFUSED with the rule: retrying would refuse again and the dead-letter
 *       topic is for events that are broken, not for decisions the rules overrule. The DSR team sees the rating
 *       unchanged and decides again.</li>
 *   <li>A person risk-service has never been told of: dead-lettered with the reason, as every event about one.</li>
 * </ul>
 */
@Singleton
public class RecordingAgreedRatings {

    static final String WHAT = "rating";
    private static final Logger LOG = LoggerFactory.getLogger(RecordingAgreedRatings.class);

    private final PersonRatings people;
    private final ApplyingRatings applying;
    private final RatingRules rules;
    private final RiskAccess access;
    private final Clock clock;

    public RecordingAgreedRatings(PersonRatings people, ApplyingRatings applying, RatingRules rules, RiskAccess access,
                                  Clock clock) {
        this.people = people;
        this.applying = applying;
        this.rules = rules;
        this.access = access;
        this.clock = clock;
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void ratingAgreed(ReceivedEvent<RatingAgreed> event) {
        RatingAgreed agreed = event.payload();
        PersonRating person = people.findForUpdate(agreed.personId()).orElseThrow(RuleBroken::unknownPerson);
        Instant now = clock.instant();
        // It takes effect the day risk-service records it: the discharge floor is judged, and what the rating obliges
        // is counted, from then (the meeting's own day is on the meeting, which the rating points to).
        LocalDate today = LocalDate.ofInstant(now, DsrClock.ENGLAND);
        RatingProposal proposal = new RatingProposal(agreed.rating(), rationaleFor(agreed),
                agreed.discussedWithPersonAndFamily(), agreed.meetingId(), null, null);
        RagRating before = person.current().map(PersonRating.CurrentRating::rating).orElse(null);
        RatingDecision decision;
        try {
            decision = person.decide(proposal, agreed.recordedBy(), Decider.DSR_TEAM, now, today, rules);
        } catch (RuleBroken refused) {
            Map<String, Object> asked = new LinkedHashMap<>();
            asked.put("rating", agreed.rating().name());
            asked.put("meetingId", agreed.meetingId().toString());
            asked.put("outcomeId", agreed.outcomeId().toString());
            asked.put("recordedBy", agreed.recordedBy());
            asked.put("refusedBecause", refused.problem());
            access.refusedBySystem(MEETING_SERVICE, agreed.personId(), "CHANGE", WHAT, asked);
            // personId and the rule's code only: the refusal's detail may quote dates of the person's care.
            LOG.info("Agreed rating not recorded for person {}: refused by rule {}", agreed.personId(),
                    refused.problem());
            return;
        }
        applying.apply(person, decision);
        Map<String, Object> after = new HashMap<>();
        after.put("rating", decision.rating().name());
        after.put("indicative", decision.indicative());
        after.put("cause", decision.cause().name());
        after.put("meetingId", agreed.meetingId().toString());
        after.put("outcomeId", agreed.outcomeId().toString());
        after.put("recordedBy", agreed.recordedBy());
        after.put("discussedWithPersonAndFamily", agreed.discussedWithPersonAndFamily());
        access.auditedBySystem(MEETING_SERVICE, agreed.personId(), "CHANGED", WHAT,
                before == null ? null : Map.of("rating", before.name()), after);
    }

    /** Generated here, never copied from the meeting: it says where the reasons are, not what they are. */
    static String rationaleFor(RatingAgreed agreed) {
        return "Agreed at DSR meeting " + agreed.meetingId() + " on " + agreed.agreedOn()
                + " (the discussion is in meeting-service's outcome " + agreed.outcomeId() + ")";
    }
}
