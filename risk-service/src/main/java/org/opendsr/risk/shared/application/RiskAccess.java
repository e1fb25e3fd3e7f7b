package org.opendsr.risk.shared.application;

import java.time.Clock;

import jakarta.inject.Singleton;
import org.opendsr.kit.access.AccessPurpose;
import org.opendsr.kit.access.AuditedPersonAccess;
import org.opendsr.kit.access.CareTeams;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.audit.AuditLog;

/**
 * Need to know for one person's ratings, updates, assessments and obligations: the kit's audited need to know
 * ({@link AuditedPersonAccess}) over the care team risk-service follows from referral-service.
 *
 * <ul>
 *   <li>Read: the person's care team (a break-glass reader included), the DSR team of their area, a lead; anyone
 *       else 404.</li>
 *   <li>Change (rate, assess, post an update): the same, but a break-glass read never changes anything (403).</li>
 *   <li>The DSR team's work (booking and completing obligations): the DSR team of the person's area or a lead; a
 *       care-team professional may read them (403), anyone else 404.</li>
 * </ul>
 * What a system changes (an agency's report, the sweep) is audited as register management.
 */
@Singleton
public class RiskAccess extends AuditedPersonAccess<AccessPurpose> {

    public RiskAccess(CareTeams careTeams, AuditLog audit, Clock clock) {
        super(careTeams, audit, clock, AccessPurpose.class, AccessPurpose.DIRECT_CARE,
                AccessPurpose.REGISTER_MANAGEMENT);
    }

    /** The purpose stated in X-DSR-Purpose (refused naming the header if it is not one), else direct care. */
    public static AccessPurpose purposeOf(Caller caller) {
        return AccessPurpose.statedBy(caller, AccessPurpose.DIRECT_CARE);
    }
}
