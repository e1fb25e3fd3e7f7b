package org.opendsr.referral.person.application;

import org.opendsr.referral.careteam.application.KeepingCareTeams;
import java.time.Clock;
import java.time.Instant;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.agency.AgencyAddressChanged;
import org.opendsr.contracts.agency.AgencyAdmissionReported;
import org.opendsr.contracts.agency.AgencyContactDetailsChanged;
import org.opendsr.contracts.agency.AgencyDischargeReported;
import org.opendsr.contracts.referral.AdmissionReported;
import org.opendsr.contracts.referral.ContactDetailsChanged;
import org.opendsr.contracts.referral.DischargeReported;
import org.opendsr.contracts.referral.PersonMoved;
import org.opendsr.kit.ports.EventOutbox;
import org.opendsr.referral.person.domain.People;
import org.opendsr.referral.shared.application.RecordLocks;
import org.opendsr.referral.person.domain.Person;
import org.opendsr.referral.access.domain.AccessPurpose;
import org.opendsr.referral.lifecycle.domain.FirstContactDeadline;
import org.opendsr.referral.person.domain.NhsNumber;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.referral.audit.application.Actor;
import org.opendsr.referral.audit.application.AuditAction;
import org.opendsr.referral.shared.application.Now;
import org.opendsr.referral.access.application.RecordAccess;
import org.opendsr.referral.shared.application.ReferralSettings;

/**
 * Updates from agency systems, matched by NHS number: a new address or contact details change the record; an
 * admission or discharge is passed on. Each is re-published keyed by personId with no personal identifiers (risk-
 * service follows admissions and discharges). An update about someone the DSR does not know is refused: the agency
 * finds it on the dead-letter topic with the reason.
 */
@Singleton
public class ApplyingAgencyUpdates {

    private final People people;
    private final RecordLocks locks;
    private final PersonDetailsChecks checks;
    private final PersonRecords personRecords;
    private final EventOutbox outbox;
    private final RecordAccess access;
    private final KeepingCareTeams careTeams;
    private final Clock clock;

    public ApplyingAgencyUpdates(People people, RecordLocks locks, PersonDetailsChecks checks, PersonRecords personRecords, EventOutbox outbox,
                                 RecordAccess access, KeepingCareTeams careTeams, Clock clock) {
        this.careTeams = careTeams;
        this.people = people;
        this.locks = locks;
        this.checks = checks;
        this.personRecords = personRecords;
        this.outbox = outbox;
        this.access = access;
        this.clock = clock;
    }

    @Transactional
    public void addressChanged(AgencyAddressChanged update, String agency) {
        Instant now = Now.of(clock);
        Person person = lockedPersonWith(update.nhsNumber());
        String postcode = checks.postcode("address.postcode", update.address().postcode());
        checks.locality("locality", update.locality(), true);
        person.changeAddress(update.address().line1(), update.address().line2(), update.address().town(),
                postcode, update.locality(), now);
        people.save(person);
        careTeams.follow(person.id(), agency);
        Instant movedAt = update.effectiveFrom().atStartOfDay(FirstContactDeadline.ENGLAND).toInstant();
        outbox.append("person", person.id(), EventTypes.PERSON_MOVED_V1, new PersonMoved(person.id(), update.locality(),
                ReferralSettings.OUT_OF_AREA.equals(update.locality()), movedAt));
        access.audit(person.id(), Actor.agencySystem(agency), AuditAction.CHANGED, "address",
                AccessPurpose.AGENCY_UPDATE, now);
    }

    @Transactional
    public void contactDetailsChanged(AgencyContactDetailsChanged update, String agency) {
        Instant now = Now.of(clock);
        Person person = lockedPersonWith(update.nhsNumber());
        checks.phone("phone", update.phone());
        personRecords.updateOwnContactDetails(person.id(), update.phone(), update.email());
        person.partChanged("contacts", now);
        people.save(person);
        outbox.append("person", person.id(), EventTypes.PERSON_CONTACT_DETAILS_CHANGED_V1,
                new ContactDetailsChanged(person.id(), now));
        access.audit(person.id(), Actor.agencySystem(agency), AuditAction.CHANGED, "contacts",
                AccessPurpose.AGENCY_UPDATE, now);
    }

    @Transactional
    public void admissionReported(AgencyAdmissionReported report, String agency) {
        Person person = personWith(report.nhsNumber());
        outbox.append("person", person.id(), EventTypes.PERSON_ADMISSION_REPORTED_V1,
                new AdmissionReported(person.id(), report.admittedOn(), agency));
        access.audit(person.id(), Actor.agencySystem(agency), AuditAction.READ, "matched to an admission report",
                AccessPurpose.AGENCY_UPDATE, Now.of(clock));
    }

    @Transactional
    public void dischargeReported(AgencyDischargeReported report, String agency) {
        Person person = personWith(report.nhsNumber());
        outbox.append("person", person.id(), EventTypes.PERSON_DISCHARGE_REPORTED_V1,
                new DischargeReported(person.id(), report.dischargedOn(), agency));
        access.audit(person.id(), Actor.agencySystem(agency), AuditAction.READ, "matched to a discharge report",
                AccessPurpose.AGENCY_UPDATE, Now.of(clock));
    }

    private Person personWith(String nhsNumberText) {
        NhsNumber nhsNumber = checks.nhsNumber("nhsNumber", nhsNumberText)
                .orElseThrow(() -> RuleBroken.conflict("no-nhs-number", "No NHS number", "nhsNumber: must not be blank"));
        // Never the number itself in the reason: it goes to the dead-letter headers and the service's metrics.
        return people.byNhsNumber(nhsNumber.digits())
                .orElseThrow(() -> RuleBroken.conflict("unknown-person", "No such person", "no person with this NHS number"));
    }

    /** The person with this NHS number, read again once no one else is changing them. */
    private Person lockedPersonWith(String nhsNumberText) {
        Person found = personWith(nhsNumberText);
        locks.lockPerson(found.id());
        return people.byId(found.id()).orElseThrow();
    }
}
