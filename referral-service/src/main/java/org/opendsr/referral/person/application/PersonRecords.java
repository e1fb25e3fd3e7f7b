package org.opendsr.referral.person.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Singleton;
import org.opendsr.referral.shared.application.RecordLocks;
import org.opendsr.referral.person.domain.Contact;
import org.opendsr.referral.person.domain.Contacts;
import org.opendsr.referral.person.domain.KeyProfessional;
import org.opendsr.referral.person.domain.KeyProfessionals;
import org.opendsr.referral.person.domain.People;
import org.opendsr.referral.person.domain.Person;
import org.opendsr.referral.access.domain.AccessPurpose;
import org.opendsr.referral.person.domain.ContactRelationship;
import org.opendsr.referral.person.domain.DetailsToReview;
import org.opendsr.referral.person.domain.PossibleDuplicates;
import org.opendsr.referral.audit.application.Actor;
import org.opendsr.referral.audit.application.AuditAction;
import org.opendsr.referral.access.application.RecordAccess;

/**
 * Writes the parts of a person's record that several use cases write, inside their transaction: the person, their
 * contacts and key professionals, and possible-duplicate flags.
 */
@Singleton
public class PersonRecords {

    private final People people;
    private final Contacts contacts;
    private final KeyProfessionals keyProfessionals;
    private final DuplicateFlags duplicateFlags;

    private final RecordLocks locks;
    private final RecordAccess access;

    public PersonRecords(People people, Contacts contacts, KeyProfessionals keyProfessionals,
                         DuplicateFlags duplicateFlags, RecordLocks locks, RecordAccess access) {
        this.locks = locks;
        this.access = access;
        this.people = people;
        this.contacts = contacts;
        this.keyProfessionals = keyProfessionals;
        this.duplicateFlags = duplicateFlags;
    }

    /** Records someone new (details already checked) and flags anyone already known they may be. */
    public Person record(NewPerson person, String nhsNumberDigits, String postcode, Instant now) {
        Person row = Person.recorded(UUID.randomUUID(), person.givenName().trim(),
                person.familyName().trim(), person.dateOfBirth(), nhsNumberDigits, postcode, person.locality(),
                trimmed(person.address().line1()), trimmed(person.address().line2()), trimmed(person.address().town()),
                person.demographics().ethnicCategory(), person.demographics().genderIdentity(),
                person.diagnosis() == null ? null : person.diagnosis().name(), now);
        people.add(row);
        // Someone new has no contacts or key professionals to replace: only added, each table in one statement.
        contacts.add(contactRows(row.id(), person.contacts()));
        keyProfessionals.add(keyProfessionalRows(row.id(), person.keyProfessionals()));
        flagPossibleDuplicates(row);
        return row;
    }

    /** What a referral for someone already known did to their record. */
    public record KnownPersonReferred(Person person, Map<String, String> detailsToReview, boolean recordChanged) {
        @Override
        public String toString() {
            return "KnownPersonReferred[personId=" + person.id() + ", details redacted]";
        }
    }

    /**
     * A person found by NHS number keeps their record as it is, except what it lacks (a first contact completed by
     * the DSR team may have no locality yet, and a referral always says it) and what it adds: new contacts and key
     * professionals, as an agency referral adds its referrer. Details that differ from the record are returned to be
     * kept on the referral for the DSR team to review ({@link DetailsToReview}), never written over the record.
     */
    public KnownPersonReferred takeInReferral(Person known, NewPerson referred, String referredPostcode, Instant now) {
        Address address = referred.address();
        // Compared with the record as it was before the referral filled any of its gaps.
        Map<String, String> differing = DetailsToReview.of(details(known.givenName(), known.familyName(),
                known.postcode(), known.addressLine1(), known.addressLine2(), known.town(), known.locality(),
                known.ethnicCategory(), known.genderIdentity(), known.diagnosis()),
                details(referred.givenName(), referred.familyName(), referredPostcode, address.line1(),
                        address.line2(), address.town(), referred.locality(), referred.demographics().ethnicCategory(),
                        referred.demographics().genderIdentity(),
                        referred.diagnosis() == null ? null : referred.diagnosis().name()));
        boolean recordChanged = !known.fillGapsFrom(referred.dateOfBirth(), referredPostcode, address.line1(),
                address.line2(), address.town(), referred.locality(), referred.demographics().ethnicCategory(),
                referred.demographics().genderIdentity(),
                referred.diagnosis() == null ? null : referred.diagnosis().name(), now).isEmpty();
        if (recordChanged) {
            people.save(known);
        }
        boolean changed = recordChanged;
        changed |= addContacts(known.id(), referred.contacts());
        for (NewKeyProfessional professional : referred.keyProfessionals()) {
            changed |= addKeyProfessional(known.id(), professional);
        }
        return new KnownPersonReferred(known, differing, changed);
    }

    private static Map<String, String> details(String givenName, String familyName, String postcode, String line1,
                                               String line2, String town, String locality, String ethnicCategory,
                                               String genderIdentity, String diagnosis) {
        // Named as the professional referral request names them.
        Map<String, String> details = new LinkedHashMap<>();
        details.put("givenName", givenName);
        details.put("familyName", familyName);
        details.put("postcode", postcode);
        details.put("address.line1", line1);
        details.put("address.line2", line2);
        details.put("address.town", town);
        details.put("locality", locality);
        details.put("demographics.ethnicCategory", ethnicCategory);
        details.put("demographics.genderIdentity", genderIdentity);
        details.put("diagnosis", diagnosis);
        return details;
    }

    /**
     * Adds the contacts the record does not have yet: the same relationship with the same phone (digits) or email,
     * or for anyone but the person themself the same name, is one already held.
     */
    boolean addContacts(UUID personId, List<NewContact> referred) {
        List<Contact> held = new ArrayList<>(contacts.of(personId));
        List<Contact> added = new ArrayList<>();
        for (NewContact contact : referred) {
            boolean known = held.stream().anyMatch(row -> sameContact(row, contact));
            if (!known) {
                Contact row = new Contact(UUID.randomUUID(), personId, held.size(), contact.relationship(),
                        trimmed(contact.name()), trimmed(contact.phone()), trimmed(contact.email()),
                        contact.hasParentalResponsibility());
                held.add(row);
                added.add(row);
            }
        }
        contacts.add(added);
        return !added.isEmpty();
    }

    private static boolean sameContact(Contact row, NewContact contact) {
        if (row.relationship() != contact.relationship()) {
            return false;
        }
        if (contact.email() != null && !contact.email().isBlank() && contact.email().trim().equalsIgnoreCase(row.email())) {
            return true;
        }
        if (contact.phone() != null && row.phone() != null && digits(contact.phone()).equals(digits(row.phone()))
                && !digits(row.phone()).isEmpty()) {
            return true;
        }
        return contact.relationship() != ContactRelationship.PERSON && contact.name() != null && row.name() != null
                && contact.name().trim().equalsIgnoreCase(row.name().trim());
    }

    private static String digits(String phone) {
        return phone.replaceAll("\\D", "");
    }

    /** The person's contacts as recorded (e.g. to audit what a replacement replaced). */
    public List<Contact> contactsOf(UUID personId) {
        return contacts.of(personId);
    }

    /** The person's key professionals as recorded. */
    public List<KeyProfessional> keyProfessionalsOf(UUID personId) {
        return keyProfessionals.of(personId);
    }

    public void replaceContacts(UUID personId, List<NewContact> newContacts) {
        contacts.replace(personId, contactRows(personId, newContacts));
    }

    public void replaceKeyProfessionals(UUID personId, List<NewKeyProfessional> professionals) {
        keyProfessionals.replace(personId, keyProfessionalRows(personId, professionals));
    }

    private static List<Contact> contactRows(UUID personId, List<NewContact> newContacts) {
        List<Contact> rows = new ArrayList<>();
        for (int i = 0; i < newContacts.size(); i++) {
            NewContact contact = newContacts.get(i);
            rows.add(new Contact(UUID.randomUUID(), personId, i, contact.relationship(),
                    trimmed(contact.name()), trimmed(contact.phone()), trimmed(contact.email()),
                    contact.hasParentalResponsibility()));
        }
        return rows;
    }

    private static List<KeyProfessional> keyProfessionalRows(UUID personId, List<NewKeyProfessional> professionals) {
        List<KeyProfessional> rows = new ArrayList<>();
        for (int i = 0; i < professionals.size(); i++) {
            rows.add(keyProfessionalRow(personId, i, professionals.get(i)));
        }
        return rows;
    }

    /**
     * Adds a key professional unless one with the same email (or, without email, name and organisation) is there.
     * True when added.
     */
    public boolean addKeyProfessional(UUID personId, NewKeyProfessional professional) {
        List<KeyProfessional> existing = keyProfessionals.of(personId);
        boolean known = existing.stream().anyMatch(row -> professional.email() != null
                ? professional.email().equalsIgnoreCase(row.email())
                : professional.name().equalsIgnoreCase(row.name())
                        && professional.organisation().equalsIgnoreCase(row.organisation()));
        if (!known) {
            keyProfessionals.add(List.of(keyProfessionalRow(personId, existing.size(), professional)));
        }
        return !known;
    }

    /** Sets the person's own phone and email, keeping what is not reported. */
    public void updateOwnContactDetails(UUID personId, String phone, String email) {
        List<NewContact> updated = new ArrayList<>();
        boolean found = false;
        for (Contact row : contacts.of(personId)) {
            ContactRelationship relationship = row.relationship();
            if (relationship == ContactRelationship.PERSON && !found) {
                found = true;
                updated.add(new NewContact(relationship, row.name(), phone != null ? phone : row.phone(),
                        email != null ? email : row.email(), false));
            } else {
                updated.add(new NewContact(relationship, row.name(), row.phone(), row.email(),
                        row.hasParentalResponsibility()));
            }
        }
        if (!found) {
            updated.add(0, new NewContact(ContactRelationship.PERSON, null, phone, email, false));
        }
        replaceContacts(personId, updated);
    }

    static final int MOST_FLAGS_PER_PERSON = 10;

    /** Same name and date of birth without a shared NHS number: flagged for the DSR team, never merged. */
    public void flagPossibleDuplicates(Person person) {
        if (person.dateOfBirth() == null) {
            return;
        }
        // Kept, and not replaceable by a unique index: two people with the same name and date of birth may well be
        // two people, so both must be recorded and flagged, not one refused. The lock makes the second of two such
        // people recorded at once search after the first has committed, so neither misses the other. (Two referrals
        // creating the same person twice are prevented by the NHS number's lock and unique index, not by this.)
        locks.lockDateOfBirth(person.dateOfBirth());
        PossibleDuplicates.Candidate newcomer = candidate(person);
        List<PossibleDuplicates.Candidate> sameDateOfBirth = people.othersBornOn(person.dateOfBirth(), person.id());
        // Flag at most a handful: a name and date of birth shared with dozens of people is a data-quality problem
        // the DSR team sees from the first flags, and flagging every pair would grow without bound.
        List<RecordAccess.Audited> audited = new ArrayList<>();
        PossibleDuplicates.of(newcomer, sameDateOfBirth).stream()
                .limit(MOST_FLAGS_PER_PERSON)
                .forEach(other -> {
                    if (duplicateFlags.flag(person.id(), other, person.updatedAt())) {
                        // A flag ties two people's records together on the DSR team's worklist: both records are
                        // touched, though only one was referred or changed.
                        audited.add(new RecordAccess.Audited(other, AuditAction.CHANGED,
                                "flagged as a possible duplicate of person " + person.id()));
                        audited.add(new RecordAccess.Audited(person.id(), AuditAction.CHANGED,
                                "flagged as a possible duplicate of person " + other));
                    }
                });
        if (!audited.isEmpty()) {
            access.auditEach(audited, Actor.REFERRAL_SERVICE, AccessPurpose.DATA_QUALITY, person.updatedAt());
        }
    }

    private static PossibleDuplicates.Candidate candidate(Person row) {
        return new PossibleDuplicates.Candidate(row.id(), row.givenName(), row.familyName(), row.dateOfBirth(),
                row.nhsNumber());
    }

    private static KeyProfessional keyProfessionalRow(UUID personId, int position, NewKeyProfessional professional) {
        return new KeyProfessional(UUID.randomUUID(), personId, position, professional.name().trim(),
                professional.role().trim(), professional.organisation().trim(), trimmed(professional.phone()),
                trimmed(professional.email()), trimmed(professional.userId()));
    }

    static String trimmed(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
