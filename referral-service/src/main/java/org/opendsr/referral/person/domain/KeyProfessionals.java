package org.opendsr.referral.person.domain;

import java.util.List;
import java.util.UUID;

/** The key professionals of each person's record, kept in order. */
public interface KeyProfessionals {

    List<KeyProfessional> of(UUID personId);

    /** Adds key professionals after the ones held. */
    void add(List<KeyProfessional> added);

    /** The person's key professionals are these from now on. */
    void replace(UUID personId, List<KeyProfessional> professionals);
}
