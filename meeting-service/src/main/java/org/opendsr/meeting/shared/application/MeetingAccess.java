package org.opendsr.meeting.shared.application;

import java.time.Clock;
import java.util.UUID;

import jakarta.inject.Singleton;
import org.opendsr.kit.access.AccessPurpose;
import org.opendsr.kit.access.AuditedPersonAccess;
import org.opendsr.kit.access.CareTeams;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.audit.AuditLog;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.kit.security.DsrRoles;

/**
 * Need to know in meeting-service: the kit's audited need to know ({@link AuditedPersonAccess}) over the care team
 * meeting-service follows from referral-service, and the area team's hold on its meetings.
 *
 * <ul>
 *   <li>A person's outcomes, actions, bookings and Meetings by Exception: read by their care team (a break-glass reader
 *       included), the DSR team of their area and leads; anyone else gets 404, exactly as for a person never heard
 *       of. A care-team professional may ask for a Meeting by Exception; the DSR team's work (booking, recording
 *       outcomes, holding) is the DSR team of the area's or a lead's ({@link #requireDsrTeam}).</li>
 *   <li>Meetings themselves (series, tracking meetings, agendas, attendees): the DSR team of the meeting's area and
 *       leads ({@link #requireAreaTeam}); a DSR team member of another area gets 404.</li>
 * </ul>
 * Analysts, admins and agency systems are refused before this by the endpoints' roles.
 */
@Singleton
public class MeetingAccess extends AuditedPersonAccess<AccessPurpose> {

    public MeetingAccess(CareTeams careTeams, AuditLog audit, Clock clock) {
        super(careTeams, audit, clock, AccessPurpose.class, AccessPurpose.DIRECT_CARE,
                AccessPurpose.REGISTER_MANAGEMENT);
    }

    /**
     * The DSR team of the area, or a lead, for the area's meetings ({@code what} names it for the audit). A DSR team
     * member of another area gets the 404 of a meeting that does not exist (audited as refused).
     */
    public void requireAreaTeam(String area, Caller caller, String what) {
        if (worksIn(caller, area)) {
            return;
        }
        auditRefused(caller, null, "READ", what);
        throw RuleBroken.notFound("Meeting");
    }

    /**
     * A DSR lead only (a Meeting by Exception is chaired by one): anyone else, already allowed to change the person's
     * records, gets 403, audited as refused against the person.
     */
    public void requireLead(UUID personId, Caller caller, String what) {
        if (caller.hasRole(DsrRoles.DSR_LEAD)) {
            return;
        }
        auditRefused(caller, personId, "CHANGE", what);
        throw RuleBroken.forbidden("a Meeting by Exception is moved or cancelled by a DSR lead, who chairs it");
    }

    /** Whether the caller works in this area's DSR team or leads (for filtering lists of meetings). */
    public static boolean worksIn(Caller caller, String area) {
        return caller.hasRole(DsrRoles.DSR_LEAD)
                || (caller.hasRole(DsrRoles.DSR_TEAM) && caller.areas().contains(area));
    }

    /** The purpose stated in X-DSR-Purpose (refused naming the header if it is not one), else direct care. */
    public static AccessPurpose purposeOf(Caller caller) {
        return AccessPurpose.statedBy(caller, AccessPurpose.DIRECT_CARE);
    }
}
