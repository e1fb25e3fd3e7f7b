package org.opendsr.referral.inmemory;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.opendsr.referral.person.domain.People;
import org.opendsr.referral.person.domain.Person;
import org.opendsr.referral.person.domain.PossibleDuplicates;

/** People kept as copies; an NHS number is held by one person at most, as the database's unique index says. */
public class InMemoryPeople implements People {

    private final Map<UUID, Person> saved = new LinkedHashMap<>();

    @Override
    public Optional<Person> byId(UUID personId) {
        return Optional.ofNullable(saved.get(personId)).map(InMemoryPeople::copy);
    }

    @Override
    public Optional<Person> byNhsNumber(String nhsNumberDigits) {
        return saved.values().stream().filter(person -> nhsNumberDigits.equals(person.nhsNumber())).findFirst()
                .map(InMemoryPeople::copy);
    }

    @Override
    public List<PossibleDuplicates.Candidate> othersBornOn(LocalDate dateOfBirth, UUID except) {
        return saved.values().stream()
                .filter(person -> dateOfBirth.equals(person.dateOfBirth()) && !person.id().equals(except))
                .map(person -> new PossibleDuplicates.Candidate(person.id(), person.givenName(), person.familyName(),
                        person.dateOfBirth(), person.nhsNumber()))
                .toList();
    }

    @Override
    public boolean exists(UUID personId) {
        return saved.containsKey(personId);
    }

    @Override
    public void add(Person person) {
        checkNhsNumberFree(person);
        if (saved.putIfAbsent(person.id(), copy(person)) != null) {
            throw new IllegalStateException("person " + person.id() + " added twice");
        }
    }

    @Override
    public void save(Person person) {
        checkNhsNumberFree(person);
        if (saved.replace(person.id(), copy(person)) == null) {
            throw new IllegalStateException("person " + person.id() + " saved before they were added");
        }
    }

    public List<Person> all() {
        return saved.values().stream().map(InMemoryPeople::copy).toList();
    }

    public int count() {
        return saved.size();
    }

    private void checkNhsNumberFree(Person person) {
        if (person.nhsNumber() != null && saved.values().stream().anyMatch(other -> !other.id().equals(person.id())
                && Objects.equals(other.nhsNumber(), person.nhsNumber()))) {
            throw new IllegalStateException("unique index: NHS number held by another person");
        }
    }

    private static Person copy(Person p) {
        return new Person(p.id(), p.givenName(), p.familyName(), p.dateOfBirth(), p.nhsNumber(), p.postcode(),
                p.locality(), p.addressLine1(), p.addressLine2(), p.town(), p.ethnicCategory(), p.genderIdentity(),
                p.diagnosis(), p.createdAt(), p.updatedAt());
    }
}
