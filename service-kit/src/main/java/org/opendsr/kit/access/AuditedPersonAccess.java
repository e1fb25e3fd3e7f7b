package org.opendsr.kit.access;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import org.opendsr.kit.audit.AuditEntry;
import org.opendsr.kit.audit.AuditLog;
import org.opendsr.kit.audit.AuditOutcome;
import org.opendsr.kit.rules.RuleBroken;

/**
 * Audited need to know for one person's records, the same in every service that keeps records about people
 * (risk-service's ratings and obligations, meeting-service's outcomes and bookings): the kit's one policy
 * ({@link NeedToKnow}) over the care team the service follows from referral-service ({@link CareTeams}), and the
 * audit of every read and change, refusals included. A service extends it as its own {@code @Singleton}
 * (RiskAccess, MeetingAccess) with its purposes; not a bean itself.
 *
 * <ul>
 *   <li>Read: the person's care team (a break-glass reader included), the DSR team of their area, a lead. Anyone else
 *       gets 404, exactly as for a person the service has never heard of, so a refusal reveals nothing.</li>
 *   <li>Change: the same, but a break-glass read never changes anything (403).</li>
 *   <li>The DSR team's work: the DSR team of the person's area or a lead; the rest of the care team 403 (they may
 *       read it), anyone else 404.</li>
 * </ul>
 * Analysts, admins and agency systems are refused before this by the endpoints' roles.
 *
 * @param <P> the service's purposes, as the audit records them
 */
public class AuditedPersonAccess<P extends Enum<P>> {

    private final CareTeams careTeams;
    private final AuditLog audit;
    private final Clock clock;
    private final Class<P> purposes;
    private final P byDefault;
    private final P ofSystems;

    /**
     * @param byDefault the purpose of a caller who states none (direct care)
     * @param ofSystems the purpose recorded for what a system changes (an agency's report, a sweep)
     */
    protected AuditedPersonAccess(CareTeams careTeams, AuditLog audit, Clock clock, Class<P> purposes, P byDefault,
                                  P ofSystems) {
        this.careTeams = careTeams;
        this.audit = audit;
        this.clock = clock;
        this.purposes = purposes;
        this.byDefault = byDefault;
        this.ofSystems = ofSystems;
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
                what, statedPurpose(caller).name()));
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
                statedPurpose(caller).name()).withChange(before, after));
    }

    /** Audits what a system (an agency's report, a sweep) changed, in the caller's transaction. */
    public void auditedBySystem(String actor, UUID personId, String action, String what,
                                @Nullable Map<String, ?> before, @Nullable Map<String, ?> after) {
        audit.append(AuditEntry.allowed(clock.instant(), actor, "SYSTEM", action, personId, what,
                ofSystems.name()).withChange(before, after));
    }

    /**
     * Audits, in the caller's transaction, what a system asked for and the rules refused (a meeting's agreed rating
     * within the discharge floor): the refusal is the record, since nothing else is written.
     */
    public void refusedBySystem(String actor, UUID personId, String action, String what,
                                @Nullable Map<String, ?> asked) {
        audit.append(AuditEntry.attempted(clock.instant(), actor, "SYSTEM", action, personId, what,
                ofSystems.name(), AuditOutcome.REFUSED).withChange(null, asked));
    }

    /** For lists: the people the caller may see, as a SQL condition (break-glass reads never widen a list). */
    public PersonScope scopeOf(Caller caller) {
        return PersonScope.of(caller, clock.instant());
    }

    /** Audits what the caller did that concerns no one person (a sweep run, a tool published), on its own. */
    public void auditedAction(Caller caller, String action, String what) {
        audit.appendInItsOwnTransaction(AuditEntry.allowed(clock.instant(), caller.userId(), rolesOf(caller), action,
                null, what, statedPurpose(caller).name()));
    }

    /** Audits a list read (who looked at which worklist, with which filters); no person. */
    public void listRead(Caller caller, String what) {
        audit.appendInItsOwnTransaction(AuditEntry.allowed(clock.instant(), caller.userId(), rolesOf(caller), "READ",
                null, what, statedPurpose(caller).name()));
    }

    /** The purpose stated in X-DSR-Purpose (refused naming the header if it is not one), else the default. */
    public P statedPurpose(Caller caller) {
        return caller.purpose(purposes, byDefault, purpose -> true);
    }

    /**
     * Audits a refusal on its own (the request's transaction is about to roll back), for a service's own decisions
     * (meeting-service's area team for a meeting); {@code personId} null when it concerns no one person.
     */
    protected void auditRefused(Caller caller, @Nullable UUID personId, String action, String what) {
        refused(caller, personId, action, what, clock.instant());
    }

    private void refused(Caller caller, @Nullable UUID personId, String action, String what, Instant now) {
        audit.appendInItsOwnTransaction(AuditEntry.attempted(now, caller.userId(), rolesOf(caller), action, personId,
                what, statedPurpose(caller).name(), AuditOutcome.REFUSED));
    }

    private static String rolesOf(Caller caller) {
        return String.join(",", new TreeSet<>(caller.roles()));
    }
}
