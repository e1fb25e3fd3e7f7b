package org.opendsr.risk.rating.adapters.web;

import java.net.URI;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
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
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.risk.rating.application.RatingPeople;
import org.opendsr.risk.rating.application.ReadingRatings;
import org.opendsr.risk.rating.domain.PersonRating;

/**
 * Ratings of the risk of admission to a mental health hospital: only that risk, not any other. A person is known here
 * only by personId.
 */
@Controller("/ratings")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Ratings")
public class RatingController {

    private final RatingPeople rating;
    private final ReadingRatings reading;

    public RatingController(RatingPeople rating, ReadingRatings reading) {
        this.rating = rating;
        this.reading = reading;
    }

    @Get("/people/{personId}")
    @Secured({DsrRoles.PROFESSIONAL, DsrRoles.DSR_TEAM, DsrRoles.DSR_LEAD})
    @Operation(summary = "A person's admission-risk rating, admission status and rating history (newest first)",
            description = "The rating is of the risk of admission to a mental health hospital only, not of any other "
                    + "risk. For the person's care team (a break-glass reader included), the DSR team of their area "
                    + "and leads; 404 for anyone else, as for a person never referred. Analysts never see individual "
                    + "ratings (403). Audited with the stated purpose.")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public RatingView person(@PathVariable UUID personId, Caller caller) {
        return RatingView.of(reading.of(personId, caller));
    }

    @Post("/people/{personId}")
    @Secured({DsrRoles.PROFESSIONAL, DsrRoles.DSR_TEAM, DsrRoles.DSR_LEAD})
    @Operation(summary = "Rate a person's risk of admission (RED, AMBER, GREEN; BLUE records an admission)",
            description = "For the person's care team, the DSR team of their area and leads (404 for anyone else, 403 "
                    + "for a break-glass reader). A rationale and whether it was discussed with the person and their "
                    + "family are required. A care-team professional's rating stays indicative until the DSR team or a "
                    + "meeting (meetingId) confirms or changes it. With assessmentId the tool's suggestion is recorded "
                    + "beside the decision, which may differ with reasonForDifferingFromTool: a tool suggests, a "
                    + "professional decides. 409 not-on-register for someone not on the register; an inpatient (BLUE) "
                    + "leaves hospital as RED (409 inpatient-leaves-as-red otherwise); after a discharge RED cannot be "
                    + "lowered for 14 days (409 discharge-floor, naming the day it can). Lowering a rating never closes "
                    + "what the rating obliged: support never reduces because a rating goes down.")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public HttpResponse<RatingView.Entry> rate(@PathVariable UUID personId, @Nullable @Body RatingRequest request,
                                               Caller caller) {
        // No body at all is refused by the domain naming its first missing field, as an empty one is.
        RatingRequest asked = request == null ? new RatingRequest(null, null, null, null, null, null) : request;
        RatingView.Entry entry = RatingView.Entry.of(rating.rate(personId, asked.toDecision(), caller));
        return HttpResponse.created(entry, URI.create("/ratings/people/" + personId));
    }

    @Put("/people/{personId}/inpatient-setting")
    @Secured({DsrRoles.DSR_TEAM, DsrRoles.DSR_LEAD})
    @Operation(summary = "Record where an inpatient is (a secure setting's inpatient C(E)TR is 12-monthly)",
            description = "The DSR team of the person's area or a lead; 409 not-an-inpatient unless BLUE.")
    public RatingView.AdmissionStatus inpatientSetting(@PathVariable UUID personId,
                                                       @Nullable @Body InpatientSettingRequest request,
                                                       Caller caller) {
        PersonRating person = rating.recordSetting(personId, request == null ? null : request.setting(), caller);
        return RatingView.of(person, java.util.List.of(), false).admission();
    }

    @Get("/worklists/red")
    @Secured({DsrRoles.PROFESSIONAL, DsrRoles.DSR_TEAM, DsrRoles.DSR_LEAD})
    @Operation(summary = "Everyone rated RED whom the caller may see, longest-rated first (keyset paged)",
            description = "The DSR team sees its areas, a lead everyone, a professional their care-team people. "
                    + "area= narrows to one area.")
    public RatedWorklistView red(@Nullable @QueryValue String area, @Nullable @QueryValue String after,
                                 @Nullable @QueryValue Integer limit, Caller caller) {
        return RatedWorklistView.of(reading.rated(RagRating.RED, blankToNull(area), after, limit, caller));
    }

    @Get("/worklists/blue")
    @Secured({DsrRoles.PROFESSIONAL, DsrRoles.DSR_TEAM, DsrRoles.DSR_LEAD})
    @Operation(summary = "Everyone BLUE (an inpatient) whom the caller may see, longest-admitted first (keyset paged)",
            description = "As the RED list, with each admission's day and setting.")
    public RatedWorklistView blue(@Nullable @QueryValue String area, @Nullable @QueryValue String after,
                                  @Nullable @QueryValue Integer limit, Caller caller) {
        return RatedWorklistView.of(reading.rated(RagRating.BLUE, blankToNull(area), after, limit, caller));
    }

    private static String blankToNull(String value) {
        if (value != null && value.length() > 64) {
            throw RuleBroken.invalid("area", "is at most 64 characters");
        }
        return value == null || value.isBlank() ? null : value.strip();
    }
}
