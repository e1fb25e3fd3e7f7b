package org.opendsr.referral.person.application;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.opendsr.referral.person.domain.Contact;
import org.opendsr.referral.person.domain.KeyProfessional;
import org.opendsr.referral.person.domain.Person;

/**
 * The values of one part of a person's record as the audit trail keeps them before and after a change, so a lead
 * can see what changed from what to what. They are personal data: they are written only to referral-service's own
 * audit store, never to a log line or an event.
 */
final class AuditedValues {

    private AuditedValues() {
    }

    static Map<String, Object> identity(Person person) {
        return values("givenName", person.givenName(), "familyName", person.familyName(),
                "dateOfBirth", person.dateOfBirth(), "nhsNumber", person.nhsNumber());
    }

    static Map<String, Object> address(Person person) {
        return values("line1", person.addressLine1(), "line2", person.addressLine2(), "town", person.town(),
                "postcode", person.postcode(), "locality", person.locality());
    }

    static Map<String, Object> demographics(Person person) {
        return values("ethnicCategory", person.ethnicCategory(), "genderIdentity", person.genderIdentity());
    }

    static Map<String, Object> diagnosis(Person person) {
        return values("diagnosis", person.diagnosis());
    }

    static Map<String, Object> contacts(List<Contact> contacts) {
        return Map.of("contacts", contacts.stream().map(contact -> values(
                "relationship", contact.relationship(), "name", contact.name(), "phone", contact.phone(),
                "email", contact.email(), "hasParentalResponsibility", contact.hasParentalResponsibility())).toList());
    }

    static Map<String, Object> keyProfessionals(List<KeyProfessional> professionals) {
        return Map.of("keyProfessionals", professionals.stream().map(professional -> values(
                "name", professional.name(), "role", professional.role(), "organisation", professional.organisation(),
                "phone", professional.phone(), "email", professional.email(), "userId", professional.userId()))
                .toList());
    }

    /** Names and values in order; a missing value is kept as null (the change from nothing is the point). */
    private static Map<String, Object> values(Object... namesAndValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            values.put((String) namesAndValues[i], value == null || value instanceof Boolean ? value : value.toString());
        }
        return values;
    }
}
