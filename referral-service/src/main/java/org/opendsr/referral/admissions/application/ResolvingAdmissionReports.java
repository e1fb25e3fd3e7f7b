package org.opendsr.referral.admissions.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.access.NeedToKnow;
import org.opendsr.kit.access.PersonScope;
import org.opendsr.kit.audit.AuditOutcome;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.referral.access.application.RecordAccess;
import org.opendsr.referral.access.domain.AccessPurpose;
import org.opendsr.referral.admissions.domain.AdmissionReport;
import org.opendsr.referral.audit.application.Actor;
import org.opendsr.referral.audit.application.AuditAction;
import org.opendsr.referral.lifecycle.domain.Referral;
import org.opendsr.referral.lifecycle.domain.Referrals;
import org.opendsr.referral.person.domain.People;
import org.opendsr.referral.person.domain.Person;
import org.opendsr.referral.shared.application.KeysetPage;
import org.opendsr.referral.shared.application.Now;
import org.opendsr.referral.shared.application.PageRequest;

/**
 * The DSR team's worklist "admission reported, not on the register" (issue 14): agencies' admission reports about
 * someone the DSR does not know, or about a person the agency is not linked to. The team looks into each and resolves
 * it once: referred (they referred the person through the professional referral API, and link that referral here) or
 * closed with a reason.
 *
 * <p>Who may see and resolve a report (Caldicott principle 4, need to know; the report holds an NHS number, a date of
 * birth and a hospital, which are personal data whether or not the DSR knows the person):
 * <ul>
 *   <li>A DSR lead: every report.</li>
 *   <li>The DSR team: a report about a person the DSR knows as they see that person (the kit's {@code NeedToKnow}:
 *       the team of the person's area, or a member in their care team); a report about nobody known by the reporting
 *       agency's area ({@code dsr.referral.agency-areas}), and when the agency has none, every area's team, as for a
 *       person who belongs to no area yet: some team must pick it up. Another area's report is "not found" (404).</li>
 *   <li>Professionals, even in the person's care team: no. The report is an agency's unverified word, for the DSR
 *       team to check and act on (by a referral, which the referrer then follows); the care team learns of an
 *       admission through the record once the DSR acts. (403 at the web edge, refused here too.)</li>
 *   <li>Analysts (aggregates only, from the anonymous signal in reporting), admins, agency systems (they submit, they
 *       never read back: the agency must not learn whether someone is known) and callers without a token: no.</li>
 * </ul>
 * Every report shown is audited as listed, every resolution as a change, every refused attempt as refused, with the
 * purpose; on the person's trail when the report is about a known person, else on the caller's.
 */
@Singleton
public class ResolvingAdmissionReports {

    static final String NOT_FOUND = "The admission report";

    private final AdmissionReports reports;
    private final Referrals referrals;
    private final People people;
    private final RecordAccess access;
    private final Clock clock;

    public ResolvingAdmissionReports(AdmissionReports reports, Referrals referrals, People people, RecordAccess access,
                                     Clock clock) {
        this.reports = reports;
        this.referrals = referrals;
        this.people = people;
        this.access = access;
        this.clock = clock;
    }

    /** Open reports the caller may see, oldest first; each one shown is on the audit trail as listed. */
    @Transactional
    public KeysetPage<AdmissionReport> open(PageRequest page, Caller caller, AccessPurpose purpose) {
        requireDsr(caller);
        Instant now = Now.of(clock);
        KeysetPage<AdmissionReport> shown = reports.open(new AdmissionReports.Scope(PersonScope.of(caller, now),
                caller.hasRole(DsrRoles.DSR_LEAD), List.copyOf(caller.areas())), page);
        List<RecordAccess.Audited> audited = new ArrayList<>();
        for (AdmissionReport report : shown.items()) {
            audited.add(new RecordAccess.Audited(report.personId(), AuditAction.LISTED,
                    "admission report " + report.id() + " on the DSR team's worklist"));
        }
        if (!audited.isEmpty()) {
            access.auditEach(audited, Actor.of(caller), purpose, now);
        }
        return shown;
    }

    /**
     * The DSR team referred the person (through the professional referral API) and links that referral: it must be
     * one the caller may see, about the person with the reported NHS number.
     */
    @Transactional
    public AdmissionReport referred(UUID reportId, UUID referralId, Caller caller, AccessPurpose purpose) {
        Instant now = Now.of(clock);
        AdmissionReport report = reachable(reportId, caller);
        // One answer for "no such referral" and "not yours to see": the referral API would say 404 to either.
        Referral referral = referrals.byId(referralId).filter(found -> access.mayAccess(found.personId(), caller))
                .orElseThrow(() -> RuleBroken.invalid("referralId", "is not a referral you may see"));
        Person person = people.byId(referral.personId()).orElseThrow();
        if (person.nhsNumber() == null || !person.nhsNumber().equals(report.nhsNumber())) {
            throw RuleBroken.conflict("referral-about-someone-else", "Not the reported person", "referralId",
                    "the referral is about someone without the reported NHS number: refer the reported person (with"
                            + " their NHS number), or close the report");
        }
        AdmissionReport resolved = report.referred(referral.id(), person.id(), caller.userId(), now);
        reports.save(resolved);
        access.audit(person.id(), Actor.of(caller), AuditAction.CHANGED, "admission report " + report.id()
                + " resolved: referred (referral " + referral.id() + ")", purpose, now);
        return resolved;
    }

    /** Closed without a referral, for the DSR team's reason (kept on the report only, never in the audit's words). */
    @Transactional
    public AdmissionReport closed(UUID reportId, String reason, Caller caller, AccessPurpose purpose) {
        Instant now = Now.of(clock);
        AdmissionReport report = reachable(reportId, caller);
        AdmissionReport resolved = report.closed(reason, caller.userId(), now);
        reports.save(resolved);
        access.audit(report.personId(), Actor.of(caller), AuditAction.CHANGED,
                "admission report " + report.id() + " resolved: closed", purpose, now);
        return resolved;
    }

    /** The report, locked, if the caller may see and resolve it; 404 otherwise, and the attempt audited. */
    private AdmissionReport reachable(UUID reportId, Caller caller) {
        requireDsr(caller);
        AdmissionReport report = reports.lockedById(reportId).orElse(null);
        if (report == null) {
            access.auditAttempt(null, caller, "admission report " + reportId, AuditOutcome.NOT_FOUND);
            throw RuleBroken.notFound(NOT_FOUND);
        }
        if (!reaches(report, caller)) {
            access.auditAttempt(report.personId(), caller, "admission report " + reportId, AuditOutcome.REFUSED);
            throw RuleBroken.notFound(NOT_FOUND);
        }
        return report;
    }

    /** As the worklist decides: a known person's report as the person (changes too), else by the report's area. */
    private boolean reaches(AdmissionReport report, Caller caller) {
        if (report.personId() != null) {
            // A break-glass read is read-only: it never resolves anything.
            return access.accessOf(report.personId(), caller).mayChange();
        }
        return NeedToKnow.worksTheArea(caller, report.area());
    }

    private static void requireDsr(Caller caller) {
        if (!RecordAccess.worksTheRegister(caller)) {
            throw RuleBroken.forbidden("only the DSR team and leads work admission reports");
        }
    }
}
