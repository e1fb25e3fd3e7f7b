package org.opendsr.risk.updates.adapters.web;

import java.net.URI;
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
import io.swagger.v3.oas.annotations.tags.Tag;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.risk.updates.application.PostingUpdates;
import org.opendsr.risk.updates.application.ReadingUpdates;

/**
 * The updates box (DOMAIN.md "Risk rating"): the responsible professional and care team post brief updates, at
 * least every 14 days for RED and AMBER, monthly for GREEN, and for BLUE as often as the commissioner oversight
 * visits; overdue updates are on a worklist. Ratings here are about the risk of admission only. Analysts, admins
 * and agency systems: 403.
 */
@Controller("/ratings")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({DsrRoles.PROFESSIONAL, DsrRoles.DSR_TEAM, DsrRoles.DSR_LEAD})
@Tag(name = "Updates box")
public class UpdatesController {

    static final String AFTER = "The next of the page before; leave out for the first page";
    static final String LIMIT = "How many entries, 1 to 200; 50 when omitted";

    private final PostingUpdates posting;
    private final ReadingUpdates reading;

    public UpdatesController(PostingUpdates posting, ReadingUpdates reading) {
        this.posting = posting;
        this.reading = reading;
    }

    @Post("/people/{personId}/updates")
    @Operation(summary = "Post a brief update in the person's updates box",
            description = "For the person's care team, the DSR team of their area, a lead (404 for anyone else, as "
                    + "for an unknown person; 403 for a break-glass reader). Only for someone on the register with "
                    + "a rating (409 urn:dsr:problem:not-on-register). The next update is due a cadence after this "
                    + "one (14 days for RED and AMBER, a month for GREEN, 6 or 8 weeks for BLUE); any overdue is "
                    + "cleared. A later change of rating may bring that date forward, never put it off. Publishes dsr.risk.update-posted.v1, which never carries the text. Audited.")
    public HttpResponse<UpdateViews.Receipt> post(@PathVariable UUID personId, @Body UpdateRequest request,
                                                  Caller caller) {
        PostingUpdates.Posted posted = posting.post(personId, request.text(), caller);
        return HttpResponse.created(UpdateViews.Receipt.of(posted),
                URI.create("/ratings/people/" + personId + "/updates"));
    }

    @Get("/people/{personId}/updates")
    @Operation(summary = "The person's updates box: when the next update is due, and the updates, newest first",
            description = "For those who may read the person: their care team (a break-glass reader included), "
                    + "the DSR team of their area, a lead; 404 for anyone else. Audited.")
    public UpdateViews.PersonUpdates updates(@PathVariable UUID personId,
                                             @Parameter(description = AFTER) @Nullable @QueryValue String after,
                                             @Parameter(description = LIMIT) @Nullable @QueryValue Integer limit,
                                             Caller caller) {
        return UpdateViews.PersonUpdates.of(reading.updatesOf(personId, after, limit, caller));
    }

    @Get("/worklists/overdue-updates")
    @Operation(summary = "People whose update is overdue, oldest due first, a page at a time",
            description = "Only the people the caller may see: a professional their care-team people, the DSR "
                    + "team its areas, a lead everyone. Filter by area and by responsible professional (subject).")
    public UpdateViews.OverdueWorklist overdueUpdates(
            @Parameter(description = "Only people of this area") @Nullable @QueryValue String area,
            @Parameter(description = "Only people whose current responsible professional has this subject")
            @Nullable @QueryValue String responsibleProfessional,
            @Parameter(description = AFTER) @Nullable @QueryValue String after,
            @Parameter(description = LIMIT) @Nullable @QueryValue Integer limit,
            Caller caller) {
        return UpdateViews.OverdueWorklist.of(reading.overdue(area, responsibleProfessional, after, limit, caller));
    }
}
