package org.opendsr.referral.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Singleton;
import org.opendsr.referral.adapters.persistence.ContactRow;
import org.opendsr.referral.adapters.persistence.Contacts;
import org.opendsr.referral.adapters.persistence.DuplicateFlags;
import org.opendsr.referral.adapters.persistence.KeyProfessionalRow;
import org.opendsr.referral.adapters.persistence.KeyProfessionals;
import org.opendsr.referral.adapters.persistence.People;
import org.opendsr.referral.adapters.persistence.PersonRow;
import org.opendsr.referral.domain.ContactRelationship;
import org.opendsr.referral.domain.PossibleDuplicates;

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

    public PersonRecords(People people, Contacts contacts, KeyProfessionals keyProfessionals,
                         DuplicateFlags duplicateFlags) {
        this.people = people;
        this.contacts = contacts;
        this.keyProfessionals = keyProfessionals;
        this.duplicateFlags = duplicateFlags;
    }

    /** Records someone new (details already checked) and flags anyone already known they may be. */
    public PersonRow record(NewPerson person, String nhsNumberDigits, String postcode, Instant now) {
        PersonRow row = people.save(new PersonRow(UUID.randomUUID(), person.givenName().trim(),
                person.familyName().trim(), person.dateOfBirth(), nhsNumberDigits, postcode, person.locality(),
                trimmed(person.address().line1()), trimmed(person.address().line2()), trimmed(person.address().town()),
                person.demographics().ethnicCategory(), person.demographics().genderIdentity(),
                person.diagnosis() == null ? null : person.diagnosis().name(), now, now));
        replaceContacts(row.id(), person.contacts());
        replaceKeyProfessionals(row.id(), person.keyProfessionals());
        flagPossibleDuplicates(row);
        return row;
    }

    /**
     * A person found by NHS number keeps their record as it is, except what it lacks: a first contact completed by
     * the DSR team through an identity update may have no locality yet, and a referral always says it.
     */
    public PersonRow fillGaps(PersonRow known, NewPerson referred, Instant now) {
        if (known.dateOfBirth() == null && referred.dateOfBirth() != null) {
            people.updateIdentity(known.id(), known.givenName(), known.familyName(), referred.dateOfBirth(),
                    known.nhsNumber(), now);
        }
        if (known.locality() == null && referred.locality() != null) {
            people.updateAddress(known.id(), known.addressLine1(), known.addressLine2(), known.town(), known.postcode(),
                    referred.locality(), now);
        }
        return known.dateOfBirth() == null || known.locality() == null ? people.findById(known.id()).orElseThrow() : known;
    }

    public void replaceContacts(UUID personId, List<NewContact> newContacts) {
        contacts.deleteByPersonId(personId);
        List<ContactRow> rows = new ArrayList<>();
        for (int i = 0; i < newContacts.size(); i++) {
            NewContact contact = newContacts.get(i);
            rows.add(new ContactRow(UUID.randomUUID(), personId, i, contact.relationship().name(),
                    trimmed(contact.name()), trimmed(contact.phone()), trimmed(contact.email()),
                    contact.hasParentalResponsibility()));
        }
        contacts.saveAll(rows);
    }

    public void replaceKeyProfessionals(UUID personId, List<NewKeyProfessional> professionals) {
        keyProfessionals.deleteByPersonId(personId);
        List<KeyProfessionalRow> rows = new ArrayList<>();
        for (int i = 0; i < professionals.size(); i++) {
            rows.add(keyProfessionalRow(personId, i, professionals.get(i)));
        }
        keyProfessionals.saveAll(rows);
    }

    /** Adds a key professional unless one with the same email (or, without email, name and organisation) is there. */
    public void addKeyProfessional(UUID personId, NewKeyProfessional professional) {
        List<KeyProfessionalRow> existing = keyProfessionals.findByPersonIdOrderByPosition(personId);
        boolean known = existing.stream().anyMatch(row -> professional.email() != null
                ? professional.email().equalsIgnoreCase(row.email())
                : professional.name().equalsIgnoreCase(row.name())
                        && professional.organisation().equalsIgnoreCase(row.organisation()));
        if (!known) {
            keyProfessionals.save(keyProfessionalRow(personId, existing.size(), professional));
        }
    }

    /** Sets the person's own phone and email, keeping what is not reported. */
    public void updateOwnContactDetails(UUID personId, String phone, String email) {
        List<NewContact> updated = new ArrayList<>();
        boolean found = false;
        for (ContactRow row : contacts.findByPersonIdOrderByPosition(personId)) {
            ContactRelationship relationship = ContactRelationship.valueOf(row.relationship());
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
    public void flagPossibleDuplicates(PersonRow person) {
        if (person.dateOfBirth() == null) {
            return;
        }
        PossibleDuplicates.Candidate newcomer = candidate(person);
        List<PossibleDuplicates.Candidate> sameDateOfBirth = people.findByDateOfBirth(person.dateOfBirth()).stream()
                .map(PersonRecords::candidate).toList();
        // Flag at most a handful: a name and date of birth shared with dozens of people is a data-quality problem
        // the DSR team sees from the first flags, and flagging every pair would grow without bound.
        PossibleDuplicates.of(newcomer, sameDateOfBirth).stream()
                .limit(MOST_FLAGS_PER_PERSON)
                .forEach(other -> duplicateFlags.flag(person.id(), other, person.updatedAt()));
    }

    private static PossibleDuplicates.Candidate candidate(PersonRow row) {
        return new PossibleDuplicates.Candidate(row.id(), row.givenName(), row.familyName(), row.dateOfBirth(),
                row.nhsNumber());
    }

    private static KeyProfessionalRow keyProfessionalRow(UUID personId, int position, NewKeyProfessional professional) {
        return new KeyProfessionalRow(UUID.randomUUID(), personId, position, professional.name().trim(),
                professional.role().trim(), professional.organisation().trim(), trimmed(professional.phone()),
                trimmed(professional.email()), trimmed(professional.userId()));
    }

    static String trimmed(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
