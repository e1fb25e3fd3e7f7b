package org.opendsr.meeting.series.application;

import java.util.List;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.meeting.series.domain.TrackingMeetingSeries;
import org.opendsr.meeting.shared.application.MeetingAccess;

/** The series the caller works with: their areas' (a lead: every area's, or one). Every read audited. */
@Singleton
public class ReadingSeries {

    private final TrackingSeries series;
    private final MeetingAccess access;

    ReadingSeries(TrackingSeries series, MeetingAccess access) {
        this.series = series;
        this.access = access;
    }

    @Transactional(readOnly = true)
    public TrackingMeetingSeries one(UUID seriesId, Caller caller) {
        TrackingMeetingSeries found = series.find(seriesId).orElseThrow(ManagingSeries::notFound);
        access.requireAreaTeam(found.area(), caller, "tracking meeting series");
        access.listRead(caller, "tracking meeting series " + seriesId);
        return found;
    }

    @Transactional(readOnly = true)
    public List<TrackingMeetingSeries> list(@Nullable String area, Caller caller) {
        List<TrackingMeetingSeries> found;
        if (area != null && !area.isBlank()) {
            access.requireAreaTeam(area.strip(), caller, "tracking meeting series");
            found = series.inAreas(List.of(area.strip()));
        } else {
            found = series.inAreas(caller.hasRole(DsrRoles.DSR_LEAD) ? null : caller.areas());
        }
        access.listRead(caller, "tracking meeting series" + (area == null || area.isBlank() ? "" : " area=" + area));
        return found;
    }
}
