package org.opendsr.referral.person.adapters.persistence;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Singleton;
import org.opendsr.referral.person.domain.Contact;
import org.opendsr.referral.person.domain.ContactRelationship;
import org.opendsr.referral.person.domain.Contacts;

/** Contacts in PostgreSQL ({@code person_contact}). */
@Singleton
class StoredContacts implements Contacts {

    private final ContactRows rows;

    StoredContacts(ContactRows rows) {
        this.rows = rows;
    }

    @Override
    public List<Contact> of(UUID personId) {
        return rows.findByPersonIdOrderByPosition(personId).stream()
                .map(row -> new Contact(row.id(), row.personId(), row.position(),
                        ContactRelationship.valueOf(row.relationship()), row.name(), row.phone(), row.email(),
                        row.hasParentalResponsibility()))
                .toList();
    }

    @Override
    public void add(List<Contact> added) {
        rows.saveAll(added.stream().map(StoredContacts::row).toList());
    }

    @Override
    public void replace(UUID personId, List<Contact> contacts) {
        rows.deleteByPersonId(personId);
        add(contacts);
    }

    private static ContactRow row(Contact contact) {
        return new ContactRow(contact.id(), contact.personId(), contact.position(), contact.relationship().name(),
                contact.name(), contact.phone(), contact.email(), contact.hasParentalResponsibility());
    }
}
