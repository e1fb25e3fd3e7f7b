package org.opendsr.referral.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.common.Diagnosis;
import org.opendsr.contracts.referral.ContactDetailsChanged;
import org.opendsr.contracts.referral.PersonMoved;
import org.opendsr.kit.outbox.Outbox;
import org.opendsr.referral.adapters.persistence.AdvisoryLocks;
import org.opendsr.referral.adapters.persistence.People;
import org.opendsr.referral.adapters.persistence.PersonRow;
import org.opendsr.referral.domain.AccessPurpose;
import org.opendsr.referral.domain.NhsNumber;
import org.opendsr.referral.domain.RuleBroken;

/**
 * Updates one part of a person's record at a time (identity, address, demographics, diagnosis, contacts, key
 * professionals), by the DSR team or a professional linked to the person. Each update is checked like a referral,
 * audited, and announced without personal data where other services need to know (a move, new contact details).
 */
@Singleton
public class UpdatingPersonRecords {

    /** Who the person is. */
    public record Identity(String givenName, String familyName, LocalDate dateOfBirth, @Nullable String nhsNumber) {
        @Override
        public String toString() {
            return "Identity[personal data redacted]";
        }
    }

    private final People people;
    private final PersonRecords personRecords;
    private final PersonDetailsChecks checks;
    private final AdvisoryLocks locks;
    private final RecordAccess access;
    private final Outbox outbox;
    private final Clock clock;

    public UpdatingPersonRecords(People people, PersonRecords personRecords, PersonDetailsChecks checks,
                                 AdvisoryLocks locks, RecordAccess access, Outbox outbox, Clock clock) {
        this.people = people;
        this.personRecords = personRecords;
        this.checks = checks;
        this.locks = locks;
        this.access = access;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public void identity(UUID personId, Identity identity, Caller caller, AccessPurpose purpose) {
        Instant now = Now.of(clock);
        checks.dateOfBirth("dateOfBirth", identity.dateOfBirth(), LocalDate.now(clock));
        Optional<NhsNumber> nhsNumber = checks.nhsNumber("nhsNumber", identity.nhsNumber());
        PersonRow person = access.personFor(personId, caller);
        if (nhsNumber.isPresent()) {
            locks.lockIdentity(nhsNumber.get().digits());
            people.findByNhsNumber(nhsNumber.get().digits()).filter(other -> !other.id().equals(personId))
                    .ifPresent(other -> {
                        throw new RuleBroken("nhs-number-belongs-to-another-person", "Someone else has this NHS number",
                                "the DSR already knows another person with this NHS number; the DSR team can look"
                                        + " into it as a possible duplicate");
                    });
        }
        people.updateIdentity(person.id(), identity.givenName().trim(), identity.familyName().trim(),
                identity.dateOfBirth(), nhsNumber.map(NhsNumber::digits).orElse(null), now);
        personRecords.flagPossibleDuplicates(people.findById(personId).orElseThrow());
        access.audit(personId, caller.asActor(), AuditAction.CHANGED, "identity", purpose, now);
    }

    @Transactional
    public void address(UUID personId, Address address, String postcode, String locality, Caller caller,
                        AccessPurpose purpose) {
        Instant now = Now.of(clock);
        String tidyPostcode = checks.postcode("postcode", postcode);
        checks.locality("locality", locality, true);
        PersonRow person = access.personFor(personId, caller);
        people.updateAddress(person.id(), PersonRecords.trimmed(address.line1()), PersonRecords.trimmed(address.line2()),
                PersonRecords.trimmed(address.town()), tidyPostcode, locality, now);
        outbox.append("person", personId, EventTypes.PERSON_MOVED_V1, new PersonMoved(personId, locality,
                ReferralSettings.OUT_OF_AREA.equals(locality), now));
        access.audit(personId, caller.asActor(), AuditAction.CHANGED, "address", purpose, now);
    }

    @Transactional
    public void demographics(UUID personId, Demographics demographics, Caller caller, AccessPurpose purpose) {
        Instant now = Now.of(clock);
        checks.demographics("", demographics);
        access.personFor(personId, caller);
        people.updateDemographics(personId, demographics.ethnicCategory(), demographics.genderIdentity(), now);
        access.audit(personId, caller.asActor(), AuditAction.CHANGED, "demographics", purpose, now);
    }

    @Transactional
    public void diagnosis(UUID personId, @Nullable Diagnosis diagnosis, Caller caller, AccessPurpose purpose) {
        Instant now = Now.of(clock);
        access.personFor(personId, caller);
        people.updateDiagnosis(personId, diagnosis == null ? null : diagnosis.name(), now);
        access.audit(personId, caller.asActor(), AuditAction.CHANGED, "diagnosis", purpose, now);
    }

    @Transactional
    public void contacts(UUID personId, List<NewContact> contacts, Caller caller, AccessPurpose purpose) {
        Instant now = Now.of(clock);
        checks.contacts("contacts", contacts);
        access.personFor(personId, caller);
        personRecords.replaceContacts(personId, contacts);
        people.touch(personId, now);
        outbox.append("person", personId, EventTypes.PERSON_CONTACT_DETAILS_CHANGED_V1,
                new ContactDetailsChanged(personId, now));
        access.audit(personId, caller.asActor(), AuditAction.CHANGED, "contacts", purpose, now);
    }

    @Transactional
    public void keyProfessionals(UUID personId, List<NewKeyProfessional> professionals, Caller caller,
                                 AccessPurpose purpose) {
        Instant now = Now.of(clock);
        checks.keyProfessionals("keyProfessionals", professionals);
        access.personFor(personId, caller);
        personRecords.replaceKeyProfessionals(personId, professionals);
        people.touch(personId, now);
        access.audit(personId, caller.asActor(), AuditAction.CHANGED, "key professionals", purpose, now);
    }
}
