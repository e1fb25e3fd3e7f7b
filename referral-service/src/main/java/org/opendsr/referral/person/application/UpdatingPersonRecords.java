package org.opendsr.referral.person.application;

import java.util.Objects;
import org.opendsr.referral.careteam.application.KeepingCareTeams;
import org.opendsr.referral.moves.application.NoticingMovesOutOfArea;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.contracts.EventTypes;
import org.opendsr.referral.audit.application.Actor;
import org.opendsr.contracts.common.Diagnosis;
import org.opendsr.contracts.referral.ContactDetailsChanged;
import org.opendsr.contracts.referral.PersonMoved;
import org.opendsr.kit.ports.EventOutbox;
import org.opendsr.referral.shared.application.RecordLocks;
import org.opendsr.referral.person.domain.People;
import org.opendsr.referral.person.domain.Person;
import org.opendsr.referral.access.domain.AccessPurpose;
import org.opendsr.referral.person.domain.NhsNumber;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.kit.audit.AuditOutcome;
import org.opendsr.kit.access.Caller;
import org.opendsr.referral.shared.application.Now;
import org.opendsr.referral.access.application.RecordAccess;
import org.opendsr.referral.shared.application.ReferralSettings;

/**
 * Updates one part of a person's record at a time (identity, address, demographics, diagnosis, contacts, key
 * professionals), by the DSR team or a professional linked to the person. Each update is checked like a referral,
 * audited, and announced without personal data where other services need to know (a move, new contact details).
 */
@Singleton
public class UpdatingPersonRecords {

    /** Who the person is. */
    /**
     * A new name, date of birth and NHS number, parsed and checked once where they come in ({@link #parse}): a
     * plausible date of birth and an NHS number that passed its check, if one was given.
     */
    public record Identity(String givenName, String familyName, LocalDate dateOfBirth, @Nullable NhsNumber nhsNumber) {

        /** Checked in the order the refusals have always come in: date of birth, then NHS number. */
        public static Identity parse(String givenName, String familyName, LocalDate dateOfBirth,
                                     @Nullable String nhsNumber, PersonDetailsChecks checks, LocalDate today) {
            checks.dateOfBirth("dateOfBirth", dateOfBirth, today);
            NhsNumber parsed = checks.nhsNumber("nhsNumber", nhsNumber).orElse(null);
            return new Identity(givenName, familyName, dateOfBirth, parsed);
        }

        @Override
        public String toString() {
            return "Identity[personal data redacted]";
        }
    }

    /**
     * A new address, parsed and checked once where it comes in ({@link #parse}): the postcode as Royal Mail writes
     * it, and one of the ICB's localities or OUT_OF_AREA.
     */
    public record AddressChange(Address lines, String postcode, String locality) {

        /** Checked in the order the refusals have always come in: postcode, then locality. */
        public static AddressChange parse(Address lines, String postcode, String locality,
                                          PersonDetailsChecks checks) {
            String tidyPostcode = checks.postcode("postcode", postcode);
            checks.locality("locality", locality, true);
            checks.addressLines("", lines);
            return new AddressChange(lines, tidyPostcode, locality);
        }

        @Override
        public String toString() {
            return "AddressChange[personal data redacted]";
        }
    }

    private final People people;
    private final PersonRecords personRecords;
    private final PersonDetailsChecks checks;
    private final RecordLocks locks;
    private final RecordAccess access;
    private final KeepingCareTeams careTeams;
    private final NoticingMovesOutOfArea movesOutOfArea;
    private final EventOutbox outbox;
    private final Clock clock;

    public UpdatingPersonRecords(People people, PersonRecords personRecords, PersonDetailsChecks checks,
                                 RecordLocks locks, RecordAccess access, EventOutbox outbox,
                                 KeepingCareTeams careTeams, NoticingMovesOutOfArea movesOutOfArea, Clock clock) {
        this.movesOutOfArea = movesOutOfArea;
        this.careTeams = careTeams;
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
        // Already checked where it came in (Identity.parse): nothing here checks the values again.
        Optional<NhsNumber> nhsNumber = Optional.ofNullable(identity.nhsNumber());
        nhsNumber.ifPresent(number -> locks.lockIdentity(number.digits()));
        Person person = lockedPerson(personId, caller);
        if (nhsNumber.isPresent()) {
            people.byNhsNumber(nhsNumber.get().digits()).filter(other -> !other.id().equals(personId))
                    .ifPresent(other -> {
                        // Refused, and rolled back: the attempt is kept on both people's trails all the same (a
                        // probe for whose number this is must show), committed on its own.
                        access.auditAttempt(personId, caller, "identity", AuditOutcome.REFUSED);
                        access.auditAttempt(other.id(), caller, "NHS number claimed for another record",
                                AuditOutcome.REFUSED);
                        throw RuleBroken.conflict("nhs-number-belongs-to-another-person", "Someone else has this NHS number",
                                "the DSR already knows another person with this NHS number; the DSR team can look"
                                        + " into it as a possible duplicate");
                    });
        }
        Map<String, Object> before = AuditedValues.identity(person);
        person.changeIdentity(identity.givenName().trim(), identity.familyName().trim(),
                identity.dateOfBirth(), nhsNumber.map(NhsNumber::digits).orElse(null), now);
        people.save(person);
        personRecords.flagPossibleDuplicates(person);
        access.auditChange(personId, Actor.of(caller), "identity", purpose, now, before,
                AuditedValues.identity(person));
    }

    @Transactional
    public void address(UUID personId, AddressChange change, Caller caller, AccessPurpose purpose) {
        Instant now = Now.of(clock);
        // Already checked where it came in (AddressChange.parse): nothing here checks the values again.
        Address address = change.lines();
        String tidyPostcode = change.postcode();
        String locality = change.locality();
        Person person = lockedPerson(personId, caller);
        Map<String, Object> before = AuditedValues.address(person);
        String movedFrom = person.locality();
        person.changeAddress(PersonRecords.trimmed(address.line1()), PersonRecords.trimmed(address.line2()),
                PersonRecords.trimmed(address.town()), tidyPostcode, locality, now);
        people.save(person);
        // A move changes whose area the person is in, and so which DSR team sees them.
        careTeams.follow(personId, caller.userId());
        outbox.append("person", personId, EventTypes.PERSON_MOVED_V1, new PersonMoved(personId, locality,
                ReferralSettings.OUT_OF_AREA.equals(locality), now));
        movesOutOfArea.moved(personId, movedFrom, locality, now, now);
        access.auditChange(personId, Actor.of(caller), "address", purpose, now, before,
                AuditedValues.address(person));
    }

    @Transactional
    public void demographics(UUID personId, Demographics demographics, Caller caller, AccessPurpose purpose) {
        Instant now = Now.of(clock);
        checks.demographics("", demographics);
        Person person = lockedPerson(personId, caller);
        Map<String, Object> before = AuditedValues.demographics(person);
        person.changeDemographics(demographics.ethnicCategory(), demographics.genderIdentity(), now);
        people.save(person);
        access.auditChange(personId, Actor.of(caller), "demographics", purpose, now, before,
                AuditedValues.demographics(person));
    }

    @Transactional
    public void diagnosis(UUID personId, @Nullable Diagnosis diagnosis, Caller caller, AccessPurpose purpose) {
        Instant now = Now.of(clock);
        Person person = lockedPerson(personId, caller);
        Map<String, Object> before = AuditedValues.diagnosis(person);
        person.changeDiagnosis(diagnosis == null ? null : diagnosis.name(), now);
        people.save(person);
        access.auditChange(personId, Actor.of(caller), "diagnosis", purpose, now, before,
                AuditedValues.diagnosis(person));
    }

    @Transactional
    public void contacts(UUID personId, List<NewContact> contacts, Caller caller, AccessPurpose purpose) {
        Instant now = Now.of(clock);
        checks.contacts("contacts", contacts);
        Person person = lockedPerson(personId, caller);
        Map<String, Object> before = AuditedValues.contacts(personRecords.contactsOf(personId));
        personRecords.replaceContacts(personId, contacts);
        person.partChanged("contacts", now);
        people.save(person);
        outbox.append("person", personId, EventTypes.PERSON_CONTACT_DETAILS_CHANGED_V1,
                new ContactDetailsChanged(personId, now));
        access.auditChange(personId, Actor.of(caller), "contacts", purpose, now, before,
                AuditedValues.contacts(personRecords.contactsOf(personId)));
    }

    @Transactional
    public void keyProfessionals(UUID personId, List<NewKeyProfessional> professionals, Caller caller,
                                 AccessPurpose purpose) {
        Instant now = Now.of(clock);
        checks.keyProfessionals("keyProfessionals", professionals);
        Person person = lockedPerson(personId, caller);
        Map<String, Object> before = AuditedValues.keyProfessionals(personRecords.keyProfessionalsOf(personId));
        personRecords.replaceKeyProfessionals(personId, professionals);
        // The list keeps contact details; a user id in it is only a request for the DSR team to confirm.
        careTeams.askForKeyProfessionals(personId, professionals.stream().map(NewKeyProfessional::userId)
                .filter(Objects::nonNull).toList(), caller.userId(), null);
        person.partChanged("key professionals", now);
        people.save(person);
        access.auditChange(personId, Actor.of(caller), "key professionals", purpose, now, before,
                AuditedValues.keyProfessionals(personRecords.keyProfessionalsOf(personId)));
    }

    /** The person, if the caller may see them (404 otherwise; 403 on a break-glass read), read again once no one else is changing them. */
    private Person lockedPerson(UUID personId, Caller caller) {
        access.personForChange(personId, caller);
        locks.lockPerson(personId);
        return access.personForChange(personId, caller);
    }
}
