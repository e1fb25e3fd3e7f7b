package org.opendsr.referral.rights.domain;

import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.opendsr.referral.person.domain.Person;

/**
 * The parts of a record compared when two are merged, each as the DSR team settles it: the address as a whole (its
 * lines, postcode and locality belong together), the rest one by one.
 */
public enum MergeField {
    GIVEN_NAME(Person::givenName),
    FAMILY_NAME(Person::familyName),
    DATE_OF_BIRTH(person -> PersonMerge.text(person.dateOfBirth())),
    NHS_NUMBER(Person::nhsNumber),
    ADDRESS(MergeField::address),
    ETHNIC_CATEGORY(Person::ethnicCategory),
    GENDER_IDENTITY(Person::genderIdentity),
    DIAGNOSIS(Person::diagnosis);

    private final Function<Person, String> value;

    MergeField(Function<Person, String> value) {
        this.value = value;
    }

    /** The value as shown to the DSR team, or null when the record holds none. Blank is none. */
    public String valueOf(Person person) {
        String held = value.apply(person);
        return held == null || held.isBlank() ? null : held.trim();
    }

    /** The field's name as a request and a response spell it, e.g. {@code familyName}. */
    public String fieldName() {
        String[] words = name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder name = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return name.toString();
    }

    private static String address(Person person) {
        String joined = Stream.of(person.addressLine1(), person.addressLine2(), person.town(), person.postcode())
                .filter(part -> part != null && !part.isBlank()).map(String::trim)
                .collect(Collectors.joining(", "));
        if (person.locality() != null && !person.locality().isBlank()) {
            joined = joined.isEmpty() ? "(" + person.locality() + ")" : joined + " (" + person.locality() + ")";
        }
        return joined.isEmpty() ? null : joined;
    }
}
