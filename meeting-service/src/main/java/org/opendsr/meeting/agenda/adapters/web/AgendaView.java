package org.opendsr.meeting.agenda.adapters.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import org.opendsr.meeting.agenda.application.AgendaRead;
import org.opendsr.meeting.agenda.domain.AgendaItem;
import org.opendsr.meeting.agenda.domain.AgendaReason;
import org.opendsr.meeting.agenda.domain.ItemReason;

/** A tracking meeting's agenda: people by personId (the gateway's person view adds names), each with why. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "Agenda", description = "Who the tracking meeting talks about and why, in the order the chair takes "
        + "them: BLUE, RED, AMBER due review, then the rest, each the longest-standing first; people added by hand "
        + "last. personIds only, never names.")
public record AgendaView(
        UUID meetingId,
        @Schema(description = "NOT_YET_ASSEMBLED (before the cut-off: a preview), DRAFT (assembled; may be "
                + "regenerated or added to until the meeting is held) or FROZEN (held: kept as it was)")
        String status,
        @Schema(description = "true: worked out now, as the register stands, and not stored; the agenda is assembled "
                + "at the cut-off") boolean preview,
        @Schema(description = "When it was (last) assembled; for a preview, now") Instant assembledAt,
        @Nullable Instant frozenAt,
        @Nullable @Schema(description = "The day it is assembled: the configured working days before the meeting")
        LocalDate cutOffOn,
        List<Item> items) {

    @Serdeable
    @Schema(name = "AgendaItem", description = "One person, with every reason they are on the agenda")
    public record Item(UUID personId, List<Reason> reasons) {
    }

    @Serdeable
    @Schema(name = "AgendaItemReason")
    public record Reason(
            @Schema(description = "NEW_REFERRAL, ACCEPTED, RED, BLUE, AMBER_DUE_REVIEW, RATING_CHANGED, UPDATE_OVERDUE, "
                    + "CONSENT_RENEWAL_DUE, CONSENT_ENDED, ACTION_OVERDUE, REVIEW_DUE or ADDED_BY_HAND") AgendaReason code,
            @Schema(description = "The same in plain words, e.g. \"Rated RED since 2026-11-02\"; no personal data")
            String why) {
    }

    static AgendaView of(AgendaRead read) {
        return new AgendaView(read.meetingId(), read.status().name(), read.preview(), read.assembledAt(),
                read.frozenAt(), read.cutOffOn(), items(read.items()));
    }

    private static List<Item> items(List<AgendaItem> items) {
        return items.stream().map(item -> new Item(item.personId(),
                item.reasons().stream().map(AgendaView::reason).toList())).toList();
    }

    private static Reason reason(ItemReason reason) {
        return new Reason(reason.code(), reason.why());
    }
}
