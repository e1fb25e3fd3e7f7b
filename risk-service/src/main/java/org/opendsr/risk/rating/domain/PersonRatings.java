package org.opendsr.risk.rating.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where people's ratings are kept: the person, their current rating and the history. */
public interface PersonRatings {

    Optional<PersonRating> find(UUID personId);

    /** The person, locked until the caller's transaction ends, so that two decisions are taken in turn. */
    Optional<PersonRating> findForUpdate(UUID personId);

    /** Stores a person first seen, or what changed about one already stored. */
    void save(PersonRating person);

    /** Adds an entry to the person's history (never edited afterwards). */
    void append(RatingDecision decision);

    /** The person's history, newest first. */
    List<RatingDecision> historyOf(UUID personId);
}
