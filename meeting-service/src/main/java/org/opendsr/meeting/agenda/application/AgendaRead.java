package org.opendsr.meeting.agenda.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import org.opendsr.meeting.agenda.domain.AgendaItem;
import org.opendsr.meeting.agenda.domain.AgendaStatus;

/**
 * An agenda as it is read: the stored one, or before the cut-off a preview worked out on the spot (not stored; the
 * agenda itself is assembled at the cut-off).
 *
 * @param preview     true while NOT_YET_ASSEMBLED: what the agenda would be if it were assembled now
 * @param assembledAt when it was assembled (for a preview: now)
 * @param cutOffOn    the day it is (or was) assembled
 */
public record AgendaRead(UUID meetingId, AgendaStatus status, boolean preview, Instant assembledAt,
                         @Nullable Instant frozenAt, LocalDate cutOffOn, List<AgendaItem> items) {
}
