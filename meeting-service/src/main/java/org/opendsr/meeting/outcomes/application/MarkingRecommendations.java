package org.opendsr.meeting.outcomes.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.contracts.meeting.UnmetReason;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.kit.time.DsrClock;
import org.opendsr.meeting.outcomes.domain.ServiceRecommendation;
import org.opendsr.meeting.shared.application.MeetingAccess;

/**
 * A recommended service was provided (met) or could not be (unmet: a service gap): the DSR team of the person's area
 * or a lead, once. One transaction: the recommendation, recommendation-met or -unmet, the audit line.
 */
@Singleton
public class MarkingRecommendations {

    static final String WHAT = "service recommendation";

    private final MeetingOutcomes outcomes;
    private final OutcomeEvents events;
    private final MeetingAccess access;
    private final Clock clock;

    public MarkingRecommendations(MeetingOutcomes outcomes, OutcomeEvents events, MeetingAccess access,
                                  Clock clock) {
        this.outcomes = outcomes;
        this.events = events;
        this.access = access;
        this.clock = clock;
    }

    @Transactional
    public ServiceRecommendation met(UUID recommendationId, LocalDate metOn, Caller caller) {
        return mark(recommendationId, caller, (recommendation, today) ->
                recommendation.met(metOn, today, caller.userId()));
    }

    @Transactional
    public ServiceRecommendation unmet(UUID recommendationId, UnmetReason reason, String note, Caller caller) {
        return mark(recommendationId, caller, (recommendation, today) ->
                recommendation.unmet(reason, note, today, caller.userId()));
    }

    private ServiceRecommendation mark(UUID recommendationId, Caller caller,
                                       BiConsumer<ServiceRecommendation, LocalDate> marking) {
        UUID personId = outcomes.findRecommendation(recommendationId).map(ServiceRecommendation::personId)
                .orElseThrow(MarkingRecommendations::notFound);
        try {
            access.requireDsrTeam(personId, caller, WHAT);
        } catch (RuleBroken refused) {
            throw refused.kind() == RuleBroken.Kind.NOT_FOUND ? notFound() : refused;
        }
        ServiceRecommendation recommendation = outcomes.findRecommendationForUpdate(recommendationId)
                .orElseThrow(MarkingRecommendations::notFound);
        marking.accept(recommendation, LocalDate.now(clock.withZone(DsrClock.ENGLAND)));
        outcomes.saveRecommendation(recommendation);
        events.recommendationMarked(recommendation);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("recommendationId", recommendationId.toString());
        after.put("serviceType", recommendation.serviceType());
        after.put("status", recommendation.status().name());
        recommendation.metOn().ifPresent(on -> after.put("metOn", on.toString()));
        recommendation.unmetReason().ifPresent(reason -> after.put("unmetReason", reason.name()));
        access.audited(caller, personId, "CHANGED", WHAT, Map.of("recommendationId", recommendationId.toString(),
                "status", "MADE"), after);
        return recommendation;
    }

    private static RuleBroken notFound() {
        return RuleBroken.notFound("Recommendation");
    }
}
