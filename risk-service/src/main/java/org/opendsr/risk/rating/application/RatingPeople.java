package org.opendsr.risk.rating.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.contracts.common.RagRating;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.access.PersonAccess;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.kit.time.DsrClock;
import org.opendsr.risk.rating.domain.Decider;
import org.opendsr.risk.rating.domain.PersonRating;
import org.opendsr.risk.rating.domain.PersonRatings;
import org.opendsr.risk.rating.domain.RatingDecision;
import org.opendsr.risk.rating.domain.RatingProposal;
import org.opendsr.risk.rating.domain.RatingRules;
import org.opendsr.risk.rating.domain.Suggestion;
import org.opendsr.risk.shared.application.RiskAccess;
import org.opendsr.risk.shared.application.ToolSuggestions;
import org.opendsr.risk.shared.domain.InpatientSetting;

/**
 * Rating a person: a member of their care team, the DSR team of their area or a lead decides, with a rationale, and
 * says whether it was discussed with the person and their family; a meeting's agreement and a rating tool's
 * assessment are recorded beside the decision. A care-team professional's rating stays indicative until the DSR team
 * or a meeting confirms it. One transaction: the rating, its history entry, its event, what it obliges, the audit.
 */
@Singleton
public class RatingPeople {

    /** What the caller asked for, before the tool's suggestion is looked up. */
    public record Decision(RagRating rating, String rationale, Boolean discussedWithPersonAndFamily,
                           @Nullable UUID meetingId, @Nullable UUID assessmentId,
                           @Nullable String reasonForDifferingFromTool) {
    }

    private final PersonRatings people;
    private final ApplyingRatings applying;
    private final ToolSuggestions suggestions;
    private final RatingRules rules;
    private final RiskAccess access;
    private final Clock clock;

    public RatingPeople(PersonRatings people, ApplyingRatings applying, ToolSuggestions suggestions,
                        RatingRules rules, RiskAccess access, Clock clock) {
        this.people = people;
        this.applying = applying;
        this.suggestions = suggestions;
        this.rules = rules;
        this.access = access;
        this.clock = clock;
    }

    @Transactional
    public RatingDecision rate(UUID personId, Decision asked, Caller caller) {
        PersonAccess capacity = access.change(personId, caller, "rating");
        if (asked.discussedWithPersonAndFamily() == null) {
            throw RuleBroken.invalid("discussedWithPersonAndFamily", "is required: true or false (proposed changes "
                    + "should always be discussed with the person and their family)");
        }
        Suggestion suggestion = asked.assessmentId() == null ? null
                : suggestions.of(personId, asked.assessmentId())
                        .map(found -> new Suggestion(found.assessmentId(), found.toolId(), found.version(),
                                found.suggested()))
                        .orElseThrow(() -> RuleBroken.invalid("assessmentId", "is not an assessment of this person"));
        RatingProposal proposal = new RatingProposal(asked.rating(), asked.rationale(),
                asked.discussedWithPersonAndFamily(), asked.meetingId(), suggestion,
                asked.reasonForDifferingFromTool());
        PersonRating person = people.findForUpdate(personId).orElseThrow(() ->
                RuleBroken.conflict("not-on-register", "Not on the register", "personId",
                        "only people on the register are rated"));
        Instant now = clock.instant();
        RagRating before = person.current().map(PersonRating.CurrentRating::rating).orElse(null);
        RatingDecision decision = person.decide(proposal, caller.userId(), deciderOf(capacity), now,
                LocalDate.ofInstant(now, DsrClock.ENGLAND), rules);
        applying.apply(person, decision);
        Map<String, Object> after = new HashMap<>();
        after.put("rating", decision.rating().name());
        after.put("indicative", decision.indicative());
        after.put("rationale", decision.rationale());
        after.put("discussedWithPersonAndFamily", decision.discussedWithPersonAndFamily());
        if (decision.meetingId() != null) {
            after.put("meetingId", decision.meetingId().toString());
        }
        if (suggestion != null) {
            after.put("assessmentId", suggestion.assessmentId().toString());
            after.put("suggestedRating", suggestion.suggested().name());
        }
        access.audited(caller, personId, "CHANGED", "rating", before == null ? null : Map.of("rating", before.name()),
                after);
        return decision;
    }

    /** Where the inpatient is (it sets the inpatient C(E)TR frequency): the DSR team of the area or a lead. */
    @Transactional
    public PersonRating recordSetting(UUID personId, InpatientSetting setting, Caller caller) {
        access.requireDsrTeam(personId, caller, "inpatient setting");
        PersonRating person = people.findForUpdate(personId).orElseThrow(() -> RuleBroken.notFound("Person"));
        InpatientSetting before = person.admission().setting();
        person.recordSetting(setting);
        Instant now = clock.instant();
        applying.settingRecorded(person, now, LocalDate.ofInstant(now, DsrClock.ENGLAND));
        access.audited(caller, personId, "CHANGED", "inpatient setting",
                before == null ? null : Map.of("setting", before.name()), Map.of("setting", setting.name()));
        return person;
    }

    private static Decider deciderOf(PersonAccess capacity) {
        return switch (capacity) {
            case LEAD -> Decider.LEAD;
            case AREA_TEAM -> Decider.DSR_TEAM;
            default -> Decider.CARE_TEAM;
        };
    }
}
