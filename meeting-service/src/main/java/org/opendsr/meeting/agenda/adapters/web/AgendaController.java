package org.opendsr.meeting.agenda.adapters.web;

import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
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
import org.opendsr.meeting.agenda.application.ChangingAgendas;
import org.opendsr.meeting.agenda.application.ReadingAgendas;

/**
 * Tracking meetings' agendas: for the DSR team of the meeting's area and leads (a DSR team member of another area:
 * 404). Professionals, analysts, admins and agency systems: 403. A Meeting by Exception has no agenda: 404.
 */
@Controller("/meetings/{meetingId}/agenda")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({DsrRoles.DSR_TEAM, DsrRoles.DSR_LEAD})
@Tag(name = "Agendas")
public class AgendaController {

    private final ReadingAgendas reading;
    private final ChangingAgendas changing;

    public AgendaController(ReadingAgendas reading, ChangingAgendas changing) {
        this.reading = reading;
        this.changing = changing;
    }

    @Get
    @Operation(summary = "The meeting's agenda: who and why. Before the cut-off a preview (preview: true, status "
            + "NOT_YET_ASSEMBLED) worked out as the register stands now; then the assembled agenda (DRAFT), frozen "
            + "once the meeting is held (FROZEN)")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public AgendaView read(@PathVariable UUID meetingId, Caller caller) {
        return AgendaView.of(reading.read(meetingId, caller));
    }

    @Post("/regeneration")
    @Operation(summary = "Assemble the agenda again from the register as it stands now, keeping the people added by "
            + "hand; until the meeting is held (409 agenda-frozen after, 409 meeting-cancelled)")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public AgendaView regenerate(@PathVariable UUID meetingId, Caller caller) {
        return AgendaView.of(changing.regenerate(meetingId, caller));
    }

    @Post("/items")
    @Status(HttpStatus.CREATED)
    @Operation(summary = "Add a person known in the meeting's area to its agenda, with a one-line reason (never a "
            + "name); once per person (409 agenda-item-exists), until the meeting is held (409 agenda-frozen); 404 "
            + "naming personId for a person not known in the area")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public AgendaView addItem(@PathVariable UUID meetingId, @Nullable @Body HandItemRequest request, Caller caller) {
        if (request == null) {
            throw RuleBroken.invalid("personId", "is required");
        }
        return AgendaView.of(changing.addByHand(meetingId, request.personId(), request.reason(), caller));
    }

    @Serdeable
    @Schema(name = "AgendaItemRequest")
    public record HandItemRequest(
            @Nullable @Schema(description = "The person, known in the meeting's area",
                    requiredMode = Schema.RequiredMode.REQUIRED) UUID personId,
            @Nullable @Schema(description = "Why the team wants to talk about them: one line, at most 200 characters, "
                    + "naming the concern or service, never a person", requiredMode = Schema.RequiredMode.REQUIRED)
            String reason) {

        @Override
        public String toString() {
            return "HandItemRequest[personId=" + personId + ", reason redacted]";
        }
    }
}
