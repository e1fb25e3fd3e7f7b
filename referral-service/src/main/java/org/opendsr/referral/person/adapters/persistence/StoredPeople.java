package org.opendsr.referral.person.adapters.persistence;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Singleton;
import org.opendsr.referral.person.domain.People;
import org.opendsr.referral.person.domain.Person;

/** People in PostgreSQL: one {@code person} row each, written whole. */
@Singleton
class StoredPeople implements People {

    private final PersonRows rows;

    StoredPeople(PersonRows rows) {
        this.rows = rows;
    }

    @Override
    public Optional<Person> byId(UUID personId) {
        return rows.findById(personId).map(StoredPeople::person);
    }

    @Override
    public Optional<Person> byNhsNumber(String nhsNumberDigits) {
        return rows.findByNhsNumber(nhsNumberDigits).map(StoredPeople::person);
    }

    @Override
    public List<Person> bornOn(LocalDate dateOfBirth) {
        return rows.findByDateOfBirth(dateOfBirth).stream().map(StoredPeople::person).toList();
    }

    @Override
    public boolean exists(UUID personId) {
        return rows.existsById(personId);
    }

    @Override
    public void add(Person person) {
        rows.save(row(person));
    }

    @Override
    public void save(Person person) {
        rows.update(row(person));
    }

    private static Person person(PersonRow row) {
        return new Person(row.id(), row.givenName(), row.familyName(), row.dateOfBirth(), row.nhsNumber(),
                row.postcode(), row.locality(), row.addressLine1(), row.addressLine2(), row.town(),
                row.ethnicCategory(), row.genderIdentity(), row.diagnosis(), row.createdAt(), row.updatedAt());
    }

    private static PersonRow row(Person person) {
        return new PersonRow(person.id(), person.givenName(), person.familyName(), person.dateOfBirth(),
                person.nhsNumber(), person.postcode(), person.locality(), person.addressLine1(),
                person.addressLine2(), person.town(), person.ethnicCategory(), person.genderIdentity(),
                person.diagnosis(), person.createdAt(), person.updatedAt());
    }
}
