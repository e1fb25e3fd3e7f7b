package org.opendsr.risk.rating.application;

import java.util.List;

import jakarta.inject.Singleton;
import org.opendsr.risk.rating.domain.PersonRating;
import org.opendsr.risk.rating.domain.RatingDecision;
import org.opendsr.risk.shared.application.PersonFacts;
import org.opendsr.risk.shared.application.RatingChange;
import org.opendsr.risk.shared.application.RatingFollower;
import org.opendsr.risk.shared.domain.RatingCause;

/**
 * The one place a rating decision is stored: the person, the history entry, the event and everything that follows
 * the rating (the updates box cadence, what the rating obliges) in the caller's transaction, so they never disagree.
 */
@Singleton
public class ApplyingRatings {

    private final org.opendsr.risk.rating.domain.PersonRatings people;
    private final RatingEvents events;
    private final List<RatingFollower> followers;

    public ApplyingRatings(org.opendsr.risk.rating.domain.PersonRatings people, RatingEvents events,
                           List<RatingFollower> followers) {
        this.people = people;
        this.events = events;
        this.followers = followers;
    }

    /** Stores the person and, if a rating was decided, its entry, event and followers. */
    public void apply(PersonRating person, RatingDecision decision) {
        people.save(person);
        people.append(decision);
        events.ratingChanged(decision);
        RatingChange change = new RatingChange(person.personId(), decision.rating(), decision.previous(),
                decision.at(), decision.on(), decision.cause(), factsOf(person, decision.on()));
        followers.forEach(follower -> follower.ratingChanged(change));
    }

    /** The inpatient setting was recorded: followers reschedule what depends on it; the rating stays BLUE. */
    public void settingRecorded(PersonRating person, java.time.Instant at, java.time.LocalDate on) {
        people.save(person);
        person.current().ifPresent(current -> {
            RatingChange change = new RatingChange(person.personId(), current.rating(), current.rating(), at, on,
                    RatingCause.INPATIENT_SETTING_RECORDED, factsOf(person, on));
            followers.forEach(follower -> follower.ratingChanged(change));
        });
    }

    /** The person left the register: their rating closed; followers stop what it obliged to be due. */
    public void leftRegister(PersonRating person, java.time.Instant at) {
        people.save(person);
        followers.forEach(follower -> follower.leftRegister(person.personId(), at));
    }

    /**
     * What sets the person's obligations and cadences on a day: the rating's day, never the machine's today, so
     * consumer lag or a late request changes nothing (a person turns adult, or 25, on a date, not when it is noticed).
     */
    public static PersonFacts factsOf(PersonRating person, java.time.LocalDate on) {
        return new PersonFacts(person.lifeStageOn(on), person.under25On(on), person.admission().inpatient()
                ? person.admission().setting() : null);
    }
}
