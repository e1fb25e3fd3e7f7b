package org.opendsr.referral.person.application;

import java.time.LocalDate;
import java.util.List;

import io.micronaut.core.annotation.Nullable;
import org.opendsr.contracts.common.Diagnosis;

/**
 * The person a referral is about, as the referrer gives them. Only a self or family referral may leave out the date
 * of birth and locality (the DSR team completes them).
 */
public record NewPerson(
        String givenName,
        String familyName,
        @Nullable LocalDate dateOfBirth,
        @Nullable String nhsNumber,
        String postcode,
        @Nullable String locality,
        Address address,
        Demographics demographics,
        @Nullable Diagnosis diagnosis,
        List<NewContact> contacts,
        List<NewKeyProfessional> keyProfessionals) {

    public NewPerson {
        address = address == null ? Address.NONE : address;
        demographics = demographics == null ? Demographics.NOT_GIVEN : demographics;
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
        keyProfessionals = keyProfessionals == null ? List.of() : List.copyOf(keyProfessionals);
    }

    /** Personal data stays out of logs and messages even if this is printed by mistake. */
    @Override
    public String toString() {
        return "NewPerson[personal data redacted]";
    }
}
