package org.opendsr.referral.person.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The people known to the DSR, each record read and saved whole. Changes to one person are made under the person's
 * lock (locks are taken in the order NHS number, person, date of birth), so a whole save never loses another's.
 */
public interface People {

    Optional<Person> byId(UUID personId);

    Optional<Person> byNhsNumber(String nhsNumberDigits);

    /**
     * What possible-duplicate matching compares ({@link PossibleDuplicates}) of everyone else born on the day: names
     * and NHS numbers only, not whole records, since the search runs for each person recorded.
     */
    List<PossibleDuplicates.Candidate> othersBornOn(LocalDate dateOfBirth, UUID except);

    boolean exists(UUID personId);

    void add(Person person);

    void save(Person person);
}
