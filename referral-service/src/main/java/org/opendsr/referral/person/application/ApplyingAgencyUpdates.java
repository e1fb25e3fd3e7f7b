package org.opendsr.referral.person.application;

import org.opendsr.referral.careteam.application.KeepingCareTeams;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.access.CareTeamMember;
import org.opendsr.contracts.access.CareTeamRole;
import org.opendsr.contracts.agency.AgencyAddressChangedV2;
import org.opendsr.contracts.agency.AgencyAdmissionReportedV2;
import org.opendsr.contracts.agency.AgencyContactDetailsChangedV2;
import org.opendsr.contracts.agency.AgencyDischargeReportedV2;
import org.opendsr.contracts.referral.AdmissionReported;
import org.opendsr.contracts.referral.ContactDetailsChanged;
import org.opendsr.contracts.referral.DischargeReported;
import org.opendsr.contracts.referral.PersonMoved;
import org.opendsr.referral.moves.application.NoticingMovesOutOfArea;
import org.opendsr.contracts.referral.ReferralRoute;
import org.opendsr.kit.access.CareTeams;
import org.opendsr.kit.ports.EventOutbox;
import org.opendsr.kit.rules.GivenOrLeftOut;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.referral.access.application.RecordAccess;
import org.opendsr.referral.access.domain.AccessPurpose;
import org.opendsr.referral.admissions.application.TakingInAdmissionReports;
import org.opendsr.referral.admissions.domain.AdmissionReport;
import org.opendsr.referral.audit.application.Actor;
import org.opendsr.referral.audit.application.AuditAction;
import org.opendsr.referral.intake.application.ReferralDetailsToReview;
import org.opendsr.referral.lifecycle.domain.FirstContactDeadline;
import org.opendsr.referral.lifecycle.domain.Referral;
import org.opendsr.referral.lifecycle.domain.Referrals;
import org.opendsr.referral.person.domain.NhsNumber;
import org.opendsr.referral.person.domain.People;
import org.opendsr.referral.person.domain.Person;
import org.opendsr.referral.shared.application.AgencySystem;
import org.opendsr.referral.shared.application.Now;
import org.opendsr.referral.shared.application.RecordLocks;
import org.opendsr.referral.shared.application.ReferralSettings;

/**
 * Updates from agency systems (issue 11 finding 4). Each is matched by NHS number <em>and</em> date of birth, and only
 * to a person this agency is linked to: it referred them (an agency referral of its own) or is recorded in their care
 * team as providing care (role PROVIDING_AGENCY, subject the agency id; the DSR team records it). Anything else is
 * refused with one reason, whether nobody has that NHS number and date of birth or the person is someone else's, so
 * that the agency's dead-letter topic is no oracle for who is on the register; but an admission report is never
 * refused for that (issue 14): it goes to the DSR team's worklist instead, whoever it is about.
 *
 * <p>An address or contact change applies to the record only if the agency is the person's recorded provider: it
 * then keeps those details for the person. From an agency that only referred them it is kept on that agency's latest
 * referral for the DSR team to review, like a professional's differing details: a referrer is not the record keeper,
 * and a forged or mistaken change must not redirect where the DSR writes to someone. Admissions and discharges from a
 * linked agency are passed on as before. Each is re-published keyed by personId with no personal identifiers.
 */
@Singleton
public class ApplyingAgencyUpdates {

    /** The one reason for "nobody" and "not yours" alike; quotes nothing of the event (it is a dead-letter header). */
    public static final String NO_LINKED_PERSON = "no person with this NHS number and date of birth whom this agency "
            + "referred or provides care for";

    private final People people;
    private final RecordLocks locks;
    private final PersonDetailsChecks checks;
    private final PersonRecords personRecords;
    private final EventOutbox outbox;
    private final RecordAccess access;
    private final Referrals referrals;
    private final CareTeams careTeams;
    private final KeepingCareTeams keepingCareTeams;
    private final ReferralDetailsToReview detailsToReview;
    private final TakingInAdmissionReports admissionReports;
    private final NoticingMovesOutOfArea movesOutOfArea;
    private final Clock clock;

    public ApplyingAgencyUpdates(People people, RecordLocks locks, PersonDetailsChecks checks, PersonRecords personRecords,
                                 EventOutbox outbox, RecordAccess access, Referrals referrals, CareTeams careTeams,
                                 KeepingCareTeams keepingCareTeams, ReferralDetailsToReview detailsToReview,
                                 TakingInAdmissionReports admissionReports, NoticingMovesOutOfArea movesOutOfArea,
                                 Clock clock) {
        this.admissionReports = admissionReports;
        this.movesOutOfArea = movesOutOfArea;
        this.keepingCareTeams = keepingCareTeams;
        this.people = people;
        this.locks = locks;
        this.checks = checks;
        this.personRecords = personRecords;
        this.outbox = outbox;
        this.access = access;
        this.referrals = referrals;
        this.careTeams = careTeams;
        this.detailsToReview = detailsToReview;
        this.clock = clock;
    }

    @Transactional
    public void addressChanged(AgencyAddressChangedV2 update, AgencySystem agency) {
        Instant now = Now.of(clock);
        String postcode = checks.postcode("address.postcode", update.address().postcode());
        checks.locality("locality", update.locality(), true);
        checks.addressLines("address.", new Address(update.address().line1(), update.address().line2(),
                update.address().town()));
        Linked linked = lockedLinkedPerson(update.nhsNumber(), update.dateOfBirth(), agency, now);
        Person person = linked.person();
        if (!linked.provider()) {
            // Named as a professional referral names them, so the DSR team reviews them the same way.
            Map<String, String> details = new LinkedHashMap<>();
            details.put("postcode", postcode);
            details.put("address.line1", update.address().line1());
            if (update.address().line2() != null) {
                details.put("address.line2", update.address().line2());
            }
            details.put("address.town", update.address().town());
            details.put("locality", update.locality());
            keepForReview(linked, details, "address", agency, now);
            return;
        }
        String movedFrom = person.locality();
        person.changeAddress(update.address().line1(), update.address().line2(), update.address().town(),
                postcode, update.locality(), now);
        people.save(person);
        keepingCareTeams.follow(person.id(), agency.source());
        Instant movedAt = update.effectiveFrom().atStartOfDay(FirstContactDeadline.ENGLAND).toInstant();
        outbox.append("person", person.id(), EventTypes.PERSON_MOVED_V1, new PersonMoved(person.id(), update.locality(),
                ReferralSettings.OUT_OF_AREA.equals(update.locality()), movedAt));
        movesOutOfArea.moved(person.id(), movedFrom, update.locality(), movedAt, now);
        access.audit(person.id(), Actor.agencySystem(agency.source()), AuditAction.CHANGED, "address",
                AccessPurpose.AGENCY_UPDATE, now);
    }

    @Transactional
    public void contactDetailsChanged(AgencyContactDetailsChangedV2 update, AgencySystem agency) {
        Instant now = Now.of(clock);
        checks.phone("phone", update.phone());
        GivenOrLeftOut.check("email", update.email());
        Linked linked = lockedLinkedPerson(update.nhsNumber(), update.dateOfBirth(), agency, now);
        Person person = linked.person();
        if (!linked.provider()) {
            Map<String, String> details = new LinkedHashMap<>();
            if (update.phone() != null) {
                details.put("contact.phone", update.phone());
            }
            if (update.email() != null) {
                details.put("contact.email", update.email());
            }
            keepForReview(linked, details, "contacts", agency, now);
            return;
        }
        personRecords.updateOwnContactDetails(person.id(), update.phone(), update.email());
        person.partChanged("contacts", now);
        people.save(person);
        outbox.append("person", person.id(), EventTypes.PERSON_CONTACT_DETAILS_CHANGED_V1,
                new ContactDetailsChanged(person.id(), now));
        access.audit(person.id(), Actor.agencySystem(agency.source()), AuditAction.CHANGED, "contacts",
                AccessPurpose.AGENCY_UPDATE, now);
    }

    /**
     * An admission of a person this agency is linked to is passed on ({@code dsr.person.admission-reported.v1}). Any
     * other (nobody with that NHS number and date of birth, or someone this agency is not linked to) is no longer
     * refused (issue 14): it waits for the DSR team, with the anonymous admitted-not-on-register signal when the
     * person is not on the register ({@link TakingInAdmissionReports}). The agency sees no difference between the
     * three, as before: nothing comes back on its dead-letter topic for any of them.
     */
    @Transactional
    public void admissionReported(AgencyAdmissionReportedV2 report, AgencySystem agency) {
        Instant now = Now.of(clock);
        // Checked before anyone is looked up, so that a refusal is the same whoever the report is about.
        NhsNumber nhsNumber = requiredNhsNumber(report.nhsNumber());
        AdmissionReport.checkDates(report.dateOfBirth(), report.admittedOn());
        Optional<Person> held = heldPerson(nhsNumber, report.dateOfBirth());
        Optional<Linked> linked = held.flatMap(person -> linkOf(person, agency, now));
        if (linked.isEmpty()) {
            admissionReports.keep(nhsNumber.digits(), report.dateOfBirth(), report.admittedOn(), report.hospital(),
                    agency, held, now);
            return;
        }
        Person person = linked.get().person();
        outbox.append("person", person.id(), EventTypes.PERSON_ADMISSION_REPORTED_V1,
                new AdmissionReported(person.id(), report.admittedOn(), agency.source()));
        access.audit(person.id(), Actor.agencySystem(agency.source()), AuditAction.READ,
                "matched to an admission report", AccessPurpose.AGENCY_UPDATE, now);
    }

    @Transactional
    public void dischargeReported(AgencyDischargeReportedV2 report, AgencySystem agency) {
        Instant now = Now.of(clock);
        Person person = linkedPerson(report.nhsNumber(), report.dateOfBirth(), agency, now).person();
        outbox.append("person", person.id(), EventTypes.PERSON_DISCHARGE_REPORTED_V1,
                new DischargeReported(person.id(), report.dischargedOn(), agency.source()));
        access.audit(person.id(), Actor.agencySystem(agency.source()), AuditAction.READ,
                "matched to a discharge report", AccessPurpose.AGENCY_UPDATE, now);
    }

    /** The person an update is about, and how this agency is linked to them. */
    private record Linked(Person person, boolean provider, Optional<Referral> latestReferral) {
        @Override
        public String toString() {
            return "Linked[personId=" + person.id() + ", provider=" + provider + "]";
        }
    }

    private void keepForReview(Linked linked, Map<String, String> details, String part, AgencySystem agency,
                               Instant now) {
        if (details.isEmpty()) {
            return;
        }
        // Not the provider, so linked by a referral of its own: the details wait on it (the latest, for the newest
        // word) for the DSR team, replacing what an earlier update of the same fields left there.
        Referral referral = linked.latestReferral().orElseThrow();
        detailsToReview.keepLatest(referral.id(), details);
        access.audit(linked.person().id(), Actor.agencySystem(agency.source()), AuditAction.CHANGED,
                part + " from the agency kept for review on referral " + referral.id(), AccessPurpose.AGENCY_UPDATE,
                now);
    }

    private Linked lockedLinkedPerson(String nhsNumberText, LocalDate dateOfBirth, AgencySystem agency, Instant now) {
        Linked found = linkedPerson(nhsNumberText, dateOfBirth, agency, now);
        locks.lockPerson(found.person().id());
        // Read again once no one else is changing them.
        return new Linked(people.byId(found.person().id()).orElseThrow(), found.provider(), found.latestReferral());
    }

    private Linked linkedPerson(String nhsNumberText, LocalDate dateOfBirth, AgencySystem agency, Instant now) {
        NhsNumber nhsNumber = requiredNhsNumber(nhsNumberText);
        return heldPerson(nhsNumber, dateOfBirth).flatMap(person -> linkOf(person, agency, now))
                .orElseThrow(ApplyingAgencyUpdates::noLinkedPerson);
    }

    private NhsNumber requiredNhsNumber(String nhsNumberText) {
        // Never the number itself in the reason: it goes to the dead-letter headers and the service's metrics.
        return checks.nhsNumber("nhsNumber", nhsNumberText)
                .orElseThrow(() -> RuleBroken.conflict("no-nhs-number", "No NHS number", "nhsNumber: must not be blank"));
    }

    /** The person the DSR holds with this NHS number and date of birth, whoever's they are. */
    private Optional<Person> heldPerson(NhsNumber nhsNumber, LocalDate dateOfBirth) {
        return people.byNhsNumber(nhsNumber.digits())
                // Both must agree: an NHS number alone is known to too many (and a mistyped one may pass Modulus 11).
                .filter(held -> held.dateOfBirth() != null && held.dateOfBirth().equals(dateOfBirth));
    }

    /** How this agency is linked to the person (provider, or referrer by a referral of its own), if it is. */
    private Optional<Linked> linkOf(Person person, AgencySystem agency, Instant now) {
        boolean provider = careTeams.of(person.id()).members().stream()
                .anyMatch(member -> member.role() == CareTeamRole.PROVIDING_AGENCY
                        && member.subject().equals(agency.id()) && inForce(member, now));
        Optional<Referral> latestReferral = referrals.ofPerson(person.id()).stream()
                .filter(referral -> referral.route() == ReferralRoute.AGENCY_SYSTEM
                        && agency.source().equals(referral.referredBy()))
                .reduce((earlier, later) -> later);
        if (!provider && latestReferral.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Linked(person, provider, latestReferral));
    }

    private static boolean inForce(CareTeamMember member, Instant now) {
        return !member.from().isAfter(now) && (member.to() == null || member.to().isAfter(now));
    }

    private static RuleBroken noLinkedPerson() {
        return RuleBroken.conflict("no-linked-person", "No such person", NO_LINKED_PERSON);
    }
}
