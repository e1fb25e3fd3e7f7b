package org.opendsr.risk.rating.adapters.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.opendsr.contracts.common.RagRating;
import org.opendsr.risk.rating.application.ReadingRatings;
import org.opendsr.risk.rating.domain.Admission;
import org.opendsr.risk.rating.domain.PersonRating;
import org.opendsr.risk.rating.domain.RatingDecision;
import org.opendsr.risk.shared.domain.InpatientSetting;

/** A person's admission-risk rating (current, if on the register and rated), admission status and history. */
@Serdeable
public record RatingView(UUID personId, boolean onRegister, @Nullable Current current, AdmissionStatus admission,
                         List<Entry> history,
                         @io.swagger.v3.oas.annotations.media.Schema(description = "Whether processing of the person's "
                                 + "data is restricted (UK GDPR Article 18): the record is kept and shown")
                         boolean processingRestricted) {

    @Serdeable
    public record Current(RagRating rating, Instant since, LocalDate sinceOn, boolean indicative) {
    }

    /** Whether an inpatient, and after a discharge the day from which RED may be lowered. */
    @Serdeable
    public record AdmissionStatus(boolean inpatient, @Nullable LocalDate admittedOn,
                                  @Nullable InpatientSetting setting, @Nullable LocalDate dischargedOn,
                                  @Nullable LocalDate noLoweringBefore) {
    }

    @Serdeable
    public record ToolSuggestionView(UUID assessmentId, String toolId, int toolVersion, RagRating suggestedRating) {
    }

    @Serdeable
    public record Entry(UUID ratingId, RagRating rating, @Nullable RagRating previousRating, String cause,
                        boolean indicative, String decidedBy, String decidedAs, Instant decidedAt, LocalDate ratedOn,
                        String rationale, @Nullable Boolean discussedWithPersonAndFamily, @Nullable UUID meetingId,
                        @Nullable ToolSuggestionView toolSuggestion, @Nullable String reasonForDifferingFromTool) {

        static Entry of(RatingDecision decision) {
            return new Entry(decision.ratingId(), decision.rating(), decision.previous(), decision.cause().name(),
                    decision.indicative(), decision.decidedBy(), decision.decidedAs().name(), decision.at(),
                    decision.on(), decision.rationale(), decision.discussedWithPersonAndFamily(), decision.meetingId(),
                    decision.suggestion() == null ? null : new ToolSuggestionView(decision.suggestion().assessmentId(),
                            decision.suggestion().toolId(), decision.suggestion().toolVersion(),
                            decision.suggestion().suggested()),
                    decision.reasonForDifferingFromTool());
        }
    }

    static RatingView of(ReadingRatings.PersonRatingHistory found) {
        return of(found.person(), found.history().stream().map(Entry::of).toList(), found.processingRestricted());
    }

    static RatingView of(PersonRating person, List<Entry> history, boolean processingRestricted) {
        Admission admission = person.admission();
        return new RatingView(person.personId(), person.onRegister(),
                person.current().map(current -> new Current(current.rating(), current.since(), current.sinceOn(),
                        current.indicative())).orElse(null),
                new AdmissionStatus(admission.inpatient(), admission.admittedOn(), admission.setting(),
                        admission.dischargedOn(), admission.noLoweringBefore()),
                history, processingRestricted);
    }
}
