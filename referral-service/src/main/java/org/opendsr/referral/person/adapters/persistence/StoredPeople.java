package org.opendsr.referral.person.adapters.persistence;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.opendsr.referral.person.domain.People;
import org.opendsr.referral.person.domain.Person;
import org.opendsr.referral.person.domain.PossibleDuplicates;

/** People in PostgreSQL: one {@code person} row each, written whole. */
@Singleton
class StoredPeople implements People {

    private final PersonRows rows;
    private final JdbcOperations jdbc;

    StoredPeople(PersonRows rows, JdbcOperations jdbc) {
        this.rows = rows;
        this.jdbc = jdbc;
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
    public List<PossibleDuplicates.Candidate> othersBornOn(LocalDate dateOfBirth, UUID except) {
        // Only the columns matching compares, found through person_date_of_birth; not the whole row of everyone.
        return jdbc.prepareStatement("SELECT id, given_name, family_name, nhs_number FROM person"
                + " WHERE date_of_birth = ? AND id <> ?"
                // A record merged into another is not a candidate: the survivor stands for it.
                + " AND NOT EXISTS (SELECT 1 FROM person_merged m WHERE m.merged_person = person.id)", select -> {
            select.setObject(1, dateOfBirth);
            select.setObject(2, except);
            List<PossibleDuplicates.Candidate> found = new ArrayList<>();
            try (ResultSet candidates = select.executeQuery()) {
                while (candidates.next()) {
                    found.add(new PossibleDuplicates.Candidate(candidates.getObject(1, UUID.class),
                            candidates.getString(2), candidates.getString(3), dateOfBirth, candidates.getString(4)));
                }
            }
            return found;
        });
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
