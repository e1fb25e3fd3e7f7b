package org.opendsr.referral.notifications.domain;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.opendsr.referral.person.domain.Contact;
import org.opendsr.referral.person.domain.KeyProfessional;

/**
 * What the notifier needs of a person's record at send time, read from referral-service's own tables and never kept
 * anywhere else: their name and postal address (lines ending with the postcode, empty when incomplete), whether they
 * are under 16 (a parent with parental responsibility speaks for them), whether their consent was withdrawn, their
 * communication needs, their contacts and key professionals, the user id of their responsible professional, and
 * whether processing of their data is restricted (UK GDPR Article 18).
 */
public record PersonToNotify(UUID personId, String givenName, String familyName, List<String> postalAddress,
                             boolean under16, boolean consentWithdrawn, CommunicationNeeds needs,
                             List<Contact> contacts, List<KeyProfessional> keyProfessionals,
                             String responsibleProfessional, boolean consentGivenForThem,
                             boolean processingRestricted) {

    /** Someone whose processing is not restricted. */
    public PersonToNotify(UUID personId, String givenName, String familyName, List<String> postalAddress,
                          boolean under16, boolean consentWithdrawn, CommunicationNeeds needs, List<Contact> contacts,
                          List<KeyProfessional> keyProfessionals, String responsibleProfessional,
                          boolean consentGivenForThem) {
        this(personId, givenName, familyName, postalAddress, under16, consentWithdrawn, needs, contacts,
                keyProfessionals, responsibleProfessional, consentGivenForThem, false);
    }

    /** Someone whose consent, if any, is their own (or not known to be given for them). */
    public PersonToNotify(UUID personId, String givenName, String familyName, List<String> postalAddress,
                          boolean under16, boolean consentWithdrawn, CommunicationNeeds needs, List<Contact> contacts,
                          List<KeyProfessional> keyProfessionals, String responsibleProfessional) {
        this(personId, givenName, familyName, postalAddress, under16, consentWithdrawn, needs, contacts,
                keyProfessionals, responsibleProfessional, false, false);
    }

    public PersonToNotify {
        Objects.requireNonNull(personId, "personId");
        postalAddress = List.copyOf(postalAddress);
        contacts = List.copyOf(contacts);
        keyProfessionals = List.copyOf(keyProfessionals);
        Objects.requireNonNull(needs, "needs");
    }

    /** Personal data stays out of logs and messages even if this is printed by mistake. */
    @Override
    public String toString() {
        return "PersonToNotify[personId=" + personId + ", personal data redacted]";
    }
}
