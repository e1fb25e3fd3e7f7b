package org.opendsr.referral.inmemory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.opendsr.referral.person.domain.Contact;
import org.opendsr.referral.person.domain.Contacts;

public class InMemoryContacts implements Contacts {

    private final List<Contact> saved = new ArrayList<>();

    @Override
    public List<Contact> of(UUID personId) {
        return saved.stream().filter(contact -> contact.personId().equals(personId))
                .sorted(Comparator.comparingInt(Contact::position)).toList();
    }

    @Override
    public void add(List<Contact> added) {
        saved.addAll(added);
    }

    @Override
    public void replace(UUID personId, List<Contact> contacts) {
        saved.removeIf(contact -> contact.personId().equals(personId));
        saved.addAll(contacts);
    }
}
