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

    List<Person> bornOn(LocalDate dateOfBirth);

    boolean exists(UUID personId);

    void add(Person person);

    void save(Person person);
}
