package org.opendsr.referral.person.domain;

import java.util.List;
import java.util.UUID;

/** The contacts of each person's record, kept in order. */
public interface Contacts {

    List<Contact> of(UUID personId);

    /** Adds contacts after the ones held. */
    void add(List<Contact> added);

    /** The person's contacts are these from now on. */
    void replace(UUID personId, List<Contact> contacts);
}
