package org.opendsr.meeting.outcomes.adapters.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import org.opendsr.contracts.common.RagRating;
import org.opendsr.contracts.meeting.MeetingKind;
import org.opendsr.meeting.outcomes.domain.AgreedAction;
import org.opendsr.meeting.outcomes.domain.MeetingOutcome;
import org.opendsr.meeting.outcomes.domain.RecommendationCatalogue;
import org.opendsr.meeting.outcomes.domain.RecordedOutcome;
import org.opendsr.meeting.outcomes.domain.ServiceRecommendation;

/** Outcomes, actions and recommendations as the API shows them, each as it stands today. */
public final class OutcomeViews {

    private OutcomeViews() {
    }

    @Serdeable
    @Schema(name = "MeetingOutcome")
    public record OutcomeView(UUID outcomeId, UUID meetingId, MeetingKind meetingKind, UUID personId, String area,
                              LocalDate meetingDay, String summary, List<String> decisions,
                              @Nullable AgreedRatingView agreedRating, List<ActionView> actions,
                              List<RecommendationView> recommendations, Instant recordedAt, String recordedBy,
                              LocalDate feedbackDueOn, @Nullable Instant feedbackGivenAt,
                              @Nullable String feedbackGivenBy, boolean feedbackLate) {

        static OutcomeView of(RecordedOutcome recorded, LocalDate today, RecommendationCatalogue catalogue) {
            MeetingOutcome o = recorded.outcome();
            return new OutcomeView(o.id(), o.meetingId(), o.meetingKind(), o.personId(), o.area(), o.meetingDay(),
                    o.summary(), o.decisions(), o.agreedRating().map(rating -> new AgreedRatingView(rating.rating(),
                            rating.rationale(), rating.discussedWithPersonAndFamily())).orElse(null),
                    recorded.actions().stream().map(action -> ActionView.of(action, today)).toList(),
                    recorded.recommendations().stream().map(r -> RecommendationView.of(r, catalogue)).toList(),
                    o.recordedAt(), o.recordedBy(), o.feedbackDueOn(), o.feedbackGivenAt().orElse(null),
                    o.feedbackGivenBy().orElse(null), o.feedbackLateOn(today));
        }
    }

    @Serdeable
    @Schema(name = "AgreedRating")
    public record AgreedRatingView(RagRating rating, String rationale, boolean discussedWithPersonAndFamily) {
    }

    @Serdeable
    @Schema(name = "MeetingAction")
    public record ActionView(UUID actionId, UUID outcomeId, UUID meetingId, UUID personId, String area,
                             String description, String ownerAgency, @Nullable String ownerSubject, LocalDate dueOn,
                             @Schema(description = "OPEN, DONE or OVERDUE (past its due date, sweep or not)")
                             String status, @Nullable LocalDate doneOn) {

        static ActionView of(AgreedAction action, LocalDate today) {
            return new ActionView(action.id(), action.outcomeId(), action.meetingId(), action.personId(),
                    action.area(), action.description(), action.ownerAgency(), action.ownerSubject().orElse(null),
                    action.dueOn(), action.statusOn(today).name(), action.doneOn().orElse(null));
        }
    }

    @Serdeable
    @Schema(name = "ServiceRecommendation")
    public record RecommendationView(UUID recommendationId, UUID outcomeId, UUID meetingId, UUID personId,
                                     String area, String serviceType, String serviceLabel, @Nullable String note,
                                     LocalDate madeOn, @Schema(description = "MADE, MET or UNMET") String status,
                                     @Nullable LocalDate metOn, @Nullable String unmetReason,
                                     @Nullable String unmetNote, @Nullable LocalDate markedOn) {

        static RecommendationView of(ServiceRecommendation r, RecommendationCatalogue catalogue) {
            return new RecommendationView(r.id(), r.outcomeId(), r.meetingId(), r.personId(), r.area(),
                    r.serviceType(), catalogue.labelOf(r.serviceType()), r.note().orElse(null), r.madeOn(),
                    r.status().name(), r.metOn().orElse(null), r.unmetReason().map(Enum::name).orElse(null),
                    r.unmetNote().orElse(null), r.markedOn().orElse(null));
        }
    }

    @Serdeable
    @Schema(name = "FeedbackDueEntry")
    public record FeedbackDueView(UUID outcomeId, UUID meetingId, UUID personId, String area, LocalDate meetingDay,
                                  LocalDate feedbackDueOn, boolean late) {

        static FeedbackDueView of(MeetingOutcome o, LocalDate today) {
            return new FeedbackDueView(o.id(), o.meetingId(), o.personId(), o.area(), o.meetingDay(),
                    o.feedbackDueOn(), o.feedbackLateOn(today));
        }
    }

    @Serdeable
    @Schema(name = "MeetingOutcomes")
    public record Outcomes(List<OutcomeView> outcomes) {
    }

    /**
     * A person's outcomes (the survivor's, read by a merged duplicate's personId), and whether processing of their
     * data is restricted (UK GDPR Article 18): the record is kept and shown.
     */
    @Serdeable
    public record PersonOutcomes(UUID personId, List<OutcomeView> outcomes, boolean processingRestricted) {
    }

    @Serdeable
    @Schema(name = "RecommendationCatalogueEntry")
    public record CatalogueEntry(String serviceType, String label) {
    }

    @Serdeable
    @Schema(name = "RecommendationCatalogue")
    public record Catalogue(List<CatalogueEntry> serviceTypes) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "OverdueActionsWorklist", description = "Actions not done past their due date, soonest due first")
    public record ActionWorklist(List<ActionView> entries, @Nullable String next) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "FeedbackDueWorklist", description = "Outcomes whose referrer feedback is owed, soonest due first")
    public record FeedbackWorklist(List<FeedbackDueView> entries, @Nullable String next) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "UnmetRecommendationsWorklist", description = "Recommendations marked unmet, in the order marked")
    public record UnmetWorklist(List<RecommendationView> entries, @Nullable String next) {
    }
}
