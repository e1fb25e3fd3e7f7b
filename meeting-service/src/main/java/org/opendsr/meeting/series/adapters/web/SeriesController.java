package org.opendsr.meeting.series.adapters.web;

import java.time.Duration;
import java.util.List;
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
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.meeting.series.application.ManagingSeries;
import org.opendsr.meeting.series.application.ReadingSeries;
import org.opendsr.meeting.series.application.SeriesChoices;
import org.opendsr.meeting.series.domain.BankHolidayRule;

/**
 * Each area's tracking-meeting series (fortnightly on Thursdays by default; professionals only; online). For the DSR
 * team of the area and leads: another area's team gets 404; professionals, analysts, admins and agency systems 403.
 */
@Controller("/meetings/series")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({DsrRoles.DSR_TEAM, DsrRoles.DSR_LEAD})
@Tag(name = "Tracking meetings")
public class SeriesController {

    private final ManagingSeries managing;
    private final ReadingSeries reading;

    public SeriesController(ManagingSeries managing, ReadingSeries reading) {
        this.managing = managing;
        this.reading = reading;
    }

    @Post
    @Operation(summary = "Set up an area's tracking meetings (each term left out takes the configured default) and "
            + "schedule the next weeks' meetings; 409 series-exists when the area has one")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public HttpResponse<SeriesView> create(@Nullable @Body SeriesRequest request, Caller caller) {
        if (request == null) {
            throw RuleBroken.invalid("area", "is required");
        }
        return HttpResponse.created(SeriesView.of(managing.create(request.area(), choicesOf(request), caller)));
    }

    @Put("/{seriesId}")
    @Operation(summary = "Change a series' terms: its future meetings are rescheduled (a higher invitation sequence) "
            + "or cancelled as REARRANGED; held ones stay as they were")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public SeriesView change(@PathVariable UUID seriesId, @Nullable @Body SeriesRequest request, Caller caller) {
        if (request == null) {
            throw RuleBroken.invalid("dayOfWeek", "a change names at least one term");
        }
        if (request.area() != null) {
            throw RuleBroken.invalid("area", "cannot change: set up a series in the other area instead");
        }
        return SeriesView.of(managing.change(seriesId, choicesOf(request), caller));
    }

    @Get("/{seriesId}")
    @Operation(summary = "One series")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public SeriesView one(@PathVariable UUID seriesId, Caller caller) {
        return SeriesView.of(reading.one(seriesId, caller));
    }

    @Get
    @Operation(summary = "The series of an area, or of every area the caller works in (a lead: every area)")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public SeriesList list(@Parameter(description = "One area") @Nullable @QueryValue String area, Caller caller) {
        return new SeriesList(reading.list(area, caller).stream().map(SeriesView::of).toList());
    }

    private static SeriesChoices choicesOf(SeriesRequest request) {
        return new SeriesChoices(Fields.day(request.dayOfWeek()), request.intervalWeeks(),
                Fields.time(request.startTime(), "startTime"),
                request.durationMinutes() == null ? null : Duration.ofMinutes(request.durationMinutes()),
                Fields.date(request.firstMeetingOn(), "firstMeetingOn"), request.onlineLink(),
                request.bankHolidayRule() == null ? null
                        : Fields.choice(BankHolidayRule.class, request.bankHolidayRule(), "bankHolidayRule"),
                request.active());
    }

    @Serdeable
    @Schema(name = "TrackingSeriesList")
    public record SeriesList(List<SeriesView> series) {
    }
}
