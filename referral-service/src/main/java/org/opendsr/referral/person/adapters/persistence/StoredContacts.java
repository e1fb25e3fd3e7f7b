package org.opendsr.referral.person.adapters.persistence;

import java.util.List;
import java.util.UUID;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.opendsr.referral.person.domain.Contact;
import org.opendsr.referral.person.domain.ContactRelationship;
import org.opendsr.referral.person.domain.Contacts;
import org.opendsr.referral.shared.adapters.persistence.MultiRowInsert;

/** Contacts in PostgreSQL ({@code person_contact}). */
@Singleton
class StoredContacts implements Contacts {

    private final ContactRows rows;
    private final JdbcOperations jdbc;

    StoredContacts(ContactRows rows, JdbcOperations jdbc) {
        this.rows = rows;
        this.jdbc = jdbc;
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
        // All of them in one statement; none, no statement at all.
        MultiRowInsert.insert(jdbc, "person_contact (id, person_id, position, relationship, name, phone, email,"
                + " has_parental_responsibility)", 8, "", added, contact -> new Object[] {contact.id(),
                contact.personId(), contact.position(), contact.relationship().name(), contact.name(), contact.phone(),
                contact.email(), contact.hasParentalResponsibility()});
    }

    @Override
    public void replace(UUID personId, List<Contact> contacts) {
        rows.deleteByPersonId(personId);
        add(contacts);
    }
}
