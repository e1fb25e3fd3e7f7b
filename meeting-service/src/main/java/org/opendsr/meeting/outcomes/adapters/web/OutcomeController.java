package org.opendsr.meeting.outcomes.adapters.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.opendsr.contracts.common.RagRating;
import org.opendsr.contracts.meeting.UnmetReason;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.meeting.outcomes.adapters.web.OutcomeViews.ActionView;
import org.opendsr.meeting.outcomes.adapters.web.OutcomeViews.OutcomeView;
import org.opendsr.meeting.outcomes.adapters.web.OutcomeViews.RecommendationView;
import org.opendsr.meeting.outcomes.application.CompletingActions;
import org.opendsr.meeting.outcomes.application.MarkingRecommendations;
import org.opendsr.meeting.outcomes.application.ReadingOutcomes;
import org.opendsr.meeting.outcomes.application.RecordingOutcomes;
import org.opendsr.meeting.outcomes.domain.ActionAsked;
import org.opendsr.meeting.outcomes.domain.AgreedAction;
import org.opendsr.meeting.outcomes.domain.MeetingOutcome;
import org.opendsr.meeting.outcomes.domain.OutcomeAsked;
import org.opendsr.meeting.outcomes.domain.RecommendationAsked;
import org.opendsr.meeting.outcomes.domain.RecordedOutcome;
import org.opendsr.meeting.outcomes.domain.ServiceRecommendation;
import org.opendsr.meeting.shared.adapters.web.RequestChoices;
import org.opendsr.kit.paging.WorklistPage;

/**
 * Outcomes of DSR meetings about one person each: discussion summary, decisions, agreed rating, actions and service
 * recommendations; the referrer's feedback; the worklists that follow. Recorded by the DSR team of the person's area
 * or a lead; read by them and by the person's care team. Analysts, admins and agency systems: 403 on every endpoint.
 */
@Controller("/meetings")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({DsrRoles.PROFESSIONAL, DsrRoles.DSR_TEAM, DsrRoles.DSR_LEAD})
@Tag(name = "Outcomes")
public class OutcomeController {

    private final RecordingOutcomes recording;
    private final CompletingActions completing;
    private final MarkingRecommendations marking;
    private final ReadingOutcomes reading;

    public OutcomeController(RecordingOutcomes recording, CompletingActions completing,
                             MarkingRecommendations marking, ReadingOutcomes reading) {
        this.recording = recording;
        this.completing = completing;
        this.marking = marking;
        this.reading = reading;
    }

    @Post("/{meetingId}/outcomes")
    @Operation(summary = "Record what a held meeting decided about one person (one outcome per person per meeting): "
            + "the DSR team of the person's area or a lead. 409 meeting-not-held, outcome-recorded, "
            + "not-the-meetings-person, person-not-in-meeting-area. Publishes outcome-recorded, rating-agreed, "
            + "action-due, recommendation-made and feedback-due")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public HttpResponse<OutcomeView> record(@PathVariable UUID meetingId,
                                            @Nullable @Body OutcomeRequests.Outcome request, Caller caller) {
        if (request == null) {
            throw RuleBroken.invalid("summary", "is required");
        }
        RecordedOutcome recorded = recording.record(meetingId, request.personId(), askedOf(request), caller);
        return HttpResponse.created(view(recorded));
    }

    @Get("/{meetingId}/outcomes")
    @Operation(summary = "A meeting's outcomes: all of them for the DSR team of its area and leads; for anyone else "
            + "those about people in their care (404 when none)")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public OutcomeViews.Outcomes ofMeeting(@PathVariable UUID meetingId, Caller caller) {
        return new OutcomeViews.Outcomes(reading.ofMeeting(meetingId, caller).stream().map(this::view).toList());
    }

    @Get("/people/{personId}/outcomes")
    @Operation(summary = "Every outcome about the person, latest meeting first: their care team (a break-glass "
            + "reader included), the DSR team of their area and leads; 404 for anyone else")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public OutcomeViews.PersonOutcomes ofPerson(@PathVariable UUID personId, Caller caller) {
        ReadingOutcomes.PersonOutcomes found = reading.ofPerson(personId, caller);
        return new OutcomeViews.PersonOutcomes(found.personId(), found.outcomes().stream().map(this::view).toList(),
                found.processingRestricted());
    }

    @Post("/outcomes/{outcomeId}/feedback-given")
    @Operation(summary = "Record that the referrer was given feedback on the outcome (who and when): the DSR team of "
            + "the person's area or a lead; 409 feedback-given the second time")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public OutcomeViews.FeedbackDueView feedbackGiven(@PathVariable UUID outcomeId, Caller caller) {
        MeetingOutcome outcome = recording.feedbackGiven(outcomeId, caller);
        return OutcomeViews.FeedbackDueView.of(outcome, reading.today());
    }

    @Post("/actions/{actionId}/completion")
    @Operation(summary = "Record that an agreed action was done: the DSR team of the person's area, a lead, or the "
            + "professional named as its owner while in the person's care team; 409 action-done the second time. "
            + "Publishes action-done")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public ActionView complete(@PathVariable UUID actionId, Caller caller) {
        AgreedAction action = completing.complete(actionId, caller);
        return ActionView.of(action, reading.today());
    }

    @Post("/recommendations/{recommendationId}/met")
    @Operation(summary = "Mark a recommended service as provided from a day: the DSR team of the person's area or a "
            + "lead, once (409 after). Publishes recommendation-met")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public RecommendationView met(@PathVariable UUID recommendationId, @Nullable @Body OutcomeRequests.Met request,
                                  Caller caller) {
        LocalDate metOn = request == null ? null : request.metOn();
        if (metOn == null) {
            throw RuleBroken.invalid("metOn", "is required");
        }
        return recommendationView(marking.met(recommendationId, metOn, caller));
    }

    @Post("/recommendations/{recommendationId}/unmet")
    @Operation(summary = "Mark a recommended service as not provided, with the reason (a service gap): the DSR team "
            + "of the person's area or a lead, once (409 after). Publishes recommendation-unmet")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public RecommendationView unmet(@PathVariable UUID recommendationId,
                                    @Nullable @Body OutcomeRequests.Unmet request, Caller caller) {
        UnmetReason reason = enumOf(UnmetReason.class, "reason", request == null ? null : request.reason());
        if (reason == null) {
            throw RuleBroken.invalid("reason", "is required: one of " + Arrays.toString(UnmetReason.values()));
        }
        return recommendationView(marking.unmet(recommendationId, reason, request.note(), caller));
    }

    @Get("/recommendations/catalogue")
    @Operation(summary = "The service types a meeting may recommend, with their labels")
    public OutcomeViews.Catalogue catalogue() {
        return new OutcomeViews.Catalogue(reading.catalogue().entries().entrySet().stream()
                .map(entry -> new OutcomeViews.CatalogueEntry(entry.getKey(), entry.getValue())).toList());
    }

    @Get("/worklists/overdue-actions")
    @Operation(summary = "Actions not done past their due date (as of today, before any sweep), of the people the "
            + "caller may see, soonest due first, a page at a time")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public OutcomeViews.ActionWorklist overdueActions(
            @Parameter(description = "The meeting's area") @Nullable @QueryValue String area,
            @Parameter(description = "The owner: an agency or a professional's user id") @Nullable @QueryValue
            String owner,
            @Parameter(description = "How many entries, 1 to 200; 50 when omitted") @Nullable @QueryValue Integer limit,
            @Parameter(description = "The next of the page before; leave out for the first page")
            @Nullable @QueryValue String after,
            Caller caller) {
        WorklistPage<AgreedAction> page = reading.overdueActions(area, owner, limit, after, caller);
        LocalDate today = reading.today();
        return new OutcomeViews.ActionWorklist(page.items().stream().map(action -> ActionView.of(action, today))
                .toList(), page.next());
    }

    @Get("/worklists/feedback-due")
    @Operation(summary = "Outcomes whose referrer feedback is not yet given, with the day it is due and whether it is "
            + "late, of the people the caller may see, soonest due first, a page at a time")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public OutcomeViews.FeedbackWorklist feedbackDue(
            @Parameter(description = "The meeting's area") @Nullable @QueryValue String area,
            @Parameter(description = "How many entries, 1 to 200; 50 when omitted") @Nullable @QueryValue Integer limit,
            @Parameter(description = "The next of the page before; leave out for the first page")
            @Nullable @QueryValue String after,
            Caller caller) {
        WorklistPage<MeetingOutcome> page = reading.feedbackDue(area, limit, after, caller);
        LocalDate today = reading.today();
        return new OutcomeViews.FeedbackWorklist(page.items().stream()
                .map(outcome -> OutcomeViews.FeedbackDueView.of(outcome, today)).toList(), page.next());
    }

    @Get("/worklists/unmet-recommendations")
    @Operation(summary = "Recommendations marked unmet (service gaps) of the people the caller may see, in the order "
            + "marked, a page at a time")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public OutcomeViews.UnmetWorklist unmetRecommendations(
            @Parameter(description = "The meeting's area") @Nullable @QueryValue String area,
            @Parameter(description = "A service type from the catalogue") @Nullable @QueryValue String serviceType,
            @Parameter(description = "How many entries, 1 to 200; 50 when omitted") @Nullable @QueryValue Integer limit,
            @Parameter(description = "The next of the page before; leave out for the first page")
            @Nullable @QueryValue String after,
            Caller caller) {
        WorklistPage<ServiceRecommendation> page = reading.unmetRecommendations(area, serviceType, limit, after,
                caller);
        return new OutcomeViews.UnmetWorklist(page.items().stream().map(this::recommendationView).toList(),
                page.next());
    }

    private OutcomeView view(RecordedOutcome recorded) {
        return OutcomeView.of(recorded, reading.today(), reading.catalogue());
    }

    private RecommendationView recommendationView(ServiceRecommendation recommendation) {
        return RecommendationView.of(recommendation, reading.catalogue());
    }

    private static OutcomeAsked askedOf(OutcomeRequests.Outcome request) {
        List<ActionAsked> actions = request.actions() == null ? List.of() : request.actions().stream()
                .map(action -> action == null ? null : new ActionAsked(action.description(), action.ownerAgency(),
                        action.ownerSubject(), action.dueOn())).toList();
        List<RecommendationAsked> recommendations = request.recommendations() == null ? List.of()
                : request.recommendations().stream().map(recommendation -> recommendation == null ? null
                        : new RecommendationAsked(recommendation.serviceType(), recommendation.note())).toList();
        return new OutcomeAsked(request.summary(), request.decisions(),
                enumOf(RagRating.class, "agreedRating", request.agreedRating()), request.ratingRationale(),
                request.discussedWithPersonAndFamily(), actions, recommendations);
    }

    private static <E extends Enum<E>> @Nullable E enumOf(Class<E> type, String field, @Nullable String value) {
        return RequestChoices.optional(type, field, value);
    }
}
