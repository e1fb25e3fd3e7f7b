package org.opendsr.referral.rights.application;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.opendsr.referral.rights.domain.Objection;

/** The objections recorded on each person's record. */
public interface Objections {

    /** The person's objections, received first first. */
    List<Objection> ofPerson(UUID personId);

    Optional<Objection> byId(UUID objectionId);

    void add(Objection objection);

    void decide(Objection decided);
}
