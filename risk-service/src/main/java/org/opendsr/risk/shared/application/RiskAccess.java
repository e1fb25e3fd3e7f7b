package org.opendsr.risk.shared.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.opendsr.kit.access.CareTeams;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.access.PersonAccess;
import org.opendsr.kit.access.PersonScope;
import org.opendsr.kit.audit.AuditEntry;
import org.opendsr.kit.audit.AuditLog;
import org.opendsr.kit.audit.AuditOutcome;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.risk.shared.domain.AccessPurpose;

/**
 * Need to know for one person's ratings, updates, assessments and obligations: the kit's one policy
 * ({@link org.opendsr.kit.access.NeedToKnow}) over the care team risk-service follows from referral-service, and the
 * audit of every read and change, refusals included.
 *
 * <ul>
 *   <li>Read: the person's care team (a break-glass reader included), the DSR team of their area, a lead. Anyone else
 *       gets 404, exactly as for a person risk-service has never heard of, so a refusal reveals nothing.</li>
 *   <li>Change (rate, assess, post an update): the same, but a break-glass read never changes anything (403).</li>
 *   <li>The DSR team's work (booking and completing obligations): the DSR team of the person's area or a lead; a
 *       care-team professional may read them (403), anyone else 404.</li>
 * </ul>
 * Analysts, admins and agency systems are refused before this by the endpoints' roles.
 */
@Singleton
public class RiskAccess {

    private final CareTeams careTeams;
    private final AuditLog audit;
    private final Clock clock;

    public RiskAccess(CareTeams careTeams, AuditLog audit, Clock clock) {
        this.careTeams = careTeams;
        this.audit = audit;
        this.clock = clock;
    }

    /** The caller may read the person's {@code what}; audited. 404 otherwise (audited as refused). */
    public PersonAccess read(UUID personId, Caller caller, String what) {
        Instant now = clock.instant();
        PersonAccess access = careTeams.accessOf(caller, personId, now);
        if (access == PersonAccess.NONE) {
            refused(caller, personId, "READ", what, now);
            throw RuleBroken.notFound("Person");
        }
        audit.appendInItsOwnTransaction(AuditEntry.allowed(now, caller.userId(), rolesOf(caller), "READ", personId,
                what, purposeOf(caller).name()));
        return access;
    }

    /** The caller may change the person's {@code what}: 404 without access, 403 for a break-glass reader. */
    public PersonAccess change(UUID personId, Caller caller, String what) {
        Instant now = clock.instant();
        PersonAccess access = careTeams.accessOf(caller, personId, now);
        if (access == PersonAccess.NONE) {
            refused(caller, personId, "CHANGE", what, now);
            throw RuleBroken.notFound("Person");
        }
        if (access == PersonAccess.BREAK_GLASS) {
            refused(caller, personId, "CHANGE", what, now);
            throw RuleBroken.forbidden("a break-glass read does not allow changes");
        }
        return access;
    }

    /** The DSR team of the person's area or a lead: 403 for the rest of the care team, 404 for anyone else. */
    public PersonAccess requireDsrTeam(UUID personId, Caller caller, String what) {
        Instant now = clock.instant();
        PersonAccess access = careTeams.accessOf(caller, personId, now);
        if (access == PersonAccess.LEAD || access == PersonAccess.AREA_TEAM) {
            return access;
        }
        refused(caller, personId, "CHANGE", what, now);
        if (access == PersonAccess.NONE) {
            throw RuleBroken.notFound("Person");
        }
        throw RuleBroken.forbidden("only the DSR team of the person's area or a lead may do this");
    }

    /** Audits a change in the caller's transaction (there must be one), with the values it replaced and wrote. */
    public void audited(Caller caller, UUID personId, String action, String what, @Nullable Map<String, ?> before,
                        @Nullable Map<String, ?> after) {
        audit.append(AuditEntry.allowed(clock.instant(), caller.userId(), rolesOf(caller), action, personId, what,
                purposeOf(caller).name()).withChange(before, after));
    }

    /** Audits what a system (an agency's report, the sweep) changed, in the caller's transaction. */
    public void auditedBySystem(String actor, UUID personId, String action, String what,
                                @Nullable Map<String, ?> before, @Nullable Map<String, ?> after) {
        audit.append(AuditEntry.allowed(clock.instant(), actor, "SYSTEM", action, personId, what,
                AccessPurpose.REGISTER_MANAGEMENT.name()).withChange(before, after));
    }

    /**
     * Audits, in the caller's transaction, what a system asked for and the rules refused (a meeting's agreed rating
     * within the discharge floor): the refusal is the record, since nothing else is written.
     */
    public void refusedBySystem(String actor, UUID personId, String action, String what,
                                @Nullable Map<String, ?> asked) {
        audit.append(AuditEntry.attempted(clock.instant(), actor, "SYSTEM", action, personId, what,
                AccessPurpose.REGISTER_MANAGEMENT.name(), AuditOutcome.REFUSED).withChange(null, asked));
    }

    /** For lists: the people the caller may see, as a SQL condition (break-glass reads never widen a list). */
    public PersonScope scopeOf(Caller caller) {
        return PersonScope.of(caller, clock.instant());
    }

    /** Audits what the caller did that concerns no one person (a sweep run, a tool published), on its own. */
    public void auditedAction(Caller caller, String action, String what) {
        audit.appendInItsOwnTransaction(AuditEntry.allowed(clock.instant(), caller.userId(), rolesOf(caller), action,
                null, what, purposeOf(caller).name()));
    }

    /** Audits a list read (who looked at which worklist, with which filters); no person. */
    public void listRead(Caller caller, String what) {
        audit.appendInItsOwnTransaction(AuditEntry.allowed(clock.instant(), caller.userId(), rolesOf(caller), "READ",
                null, what, purposeOf(caller).name()));
    }

    /** The purpose stated in X-DSR-Purpose (refused naming the header if it is not one), else direct care. */
    public static AccessPurpose purposeOf(Caller caller) {
        return caller.purpose(AccessPurpose.class, AccessPurpose.DIRECT_CARE, purpose -> true);
    }

    private void refused(Caller caller, UUID personId, String action, String what, Instant now) {
        audit.appendInItsOwnTransaction(AuditEntry.attempted(now, caller.userId(), rolesOf(caller), action, personId,
                what, purposeOf(caller).name(), AuditOutcome.REFUSED));
    }

    private static String rolesOf(Caller caller) {
        return String.join(",", new TreeSet<>(caller.roles()));
    }
}
