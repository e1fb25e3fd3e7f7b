package org.opendsr.meeting.outcomes.adapters.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** What the DSR team sends to record an outcome and mark its recommendations. toString never shows the text. */
public final class OutcomeRequests {

    private OutcomeRequests() {
    }

    @Serdeable
    @Schema(name = "OutcomeRequest")
    public record Outcome(
            @Nullable @Schema(description = "The person discussed", requiredMode = Schema.RequiredMode.REQUIRED)
            UUID personId,
            @Nullable @Schema(description = "The discussion summary, 1 to 4000 characters; stays in meeting-service",
                    requiredMode = Schema.RequiredMode.REQUIRED) String summary,
            @Nullable @Schema(description = "Decisions, each 1 to 500 characters, at most 30") List<String> decisions,
            @Nullable @Schema(description = "The rating the meeting agreed, if it agreed one: RED, AMBER, GREEN or "
                    + "BLUE; risk-service records it as agreed at this meeting") String agreedRating,
            @Nullable @Schema(description = "Why, 1 to 2000 characters: required with an agreed rating")
            String ratingRationale,
            @Nullable @Schema(description = "Whether the person and their family took part in the discussion: "
                    + "required with an agreed rating") Boolean discussedWithPersonAndFamily,
            @Nullable @Schema(description = "Actions agreed, at most 30") List<Action> actions,
            @Nullable @Schema(description = "Services recommended, at most 30") List<Recommendation> recommendations) {

        @Override
        public String toString() {
            return "Outcome[personId=" + personId + ", text redacted]";
        }
    }

    @Serdeable
    @Schema(name = "OutcomeActionRequest")
    public record Action(
            @Nullable @Schema(description = "What is to be done, 1 to 500 characters",
                    requiredMode = Schema.RequiredMode.REQUIRED) String description,
            @Nullable @Schema(description = "The id of the agency that owns it, e.g. swindon-borough-council",
                    requiredMode = Schema.RequiredMode.REQUIRED) String ownerAgency,
            @Nullable @Schema(description = "The owning professional's user id, when one is named") String ownerSubject,
            @Nullable @Schema(description = "Due on, today or later", requiredMode = Schema.RequiredMode.REQUIRED)
            LocalDate dueOn) {

        @Override
        public String toString() {
            return "Action[dueOn=" + dueOn + ", text redacted]";
        }
    }

    @Serdeable
    @Schema(name = "OutcomeRecommendationRequest")
    public record Recommendation(
            @Nullable @Schema(description = "A service type from GET /meetings/recommendations/catalogue",
                    requiredMode = Schema.RequiredMode.REQUIRED) String serviceType,
            @Nullable @Schema(description = "A note, at most 500 characters; stays in meeting-service") String note) {

        @Override
        public String toString() {
            return "Recommendation[serviceType=" + serviceType + ", note redacted]";
        }
    }

    @Serdeable
    @Schema(name = "RecommendationMet")
    public record Met(@Nullable @Schema(description = "The day the service started, not in the future nor before "
            + "it was recommended", requiredMode = Schema.RequiredMode.REQUIRED) LocalDate metOn) {
    }

    @Serdeable
    @Schema(name = "RecommendationUnmet")
    public record Unmet(
            @Nullable @Schema(description = "NO_SERVICE_AVAILABLE, WAITING_LIST, NOT_COMMISSIONED, NO_CAPACITY, "
                    + "DECLINED_BY_PERSON or OTHER", requiredMode = Schema.RequiredMode.REQUIRED) String reason,
            @Nullable @Schema(description = "A note, at most 500 characters; stays in meeting-service") String note) {

        @Override
        public String toString() {
            return "Unmet[reason=" + reason + ", note redacted]";
        }
    }
}
