package org.opendsr.referral.register.application;

import java.time.LocalDate;
import java.util.UUID;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.contracts.common.RagRating;
import org.opendsr.referral.person.domain.People;
import org.opendsr.kit.rules.RuleBroken;

/**
 * What risk-service's ratings mean to referral-service: someone under 25 rated Red, Amber or Blue gets a keyworker
 * referral suggested, once per register entry. Ratings themselves live in risk-service; nothing else is kept here.
 */
@Singleton
public class FollowingRatings {

    private final People people;
    private final SuggestingKeyworkerReferrals keyworker;

    public FollowingRatings(People people, SuggestingKeyworkerReferrals keyworker) {
        this.people = people;
        this.keyworker = keyworker;
    }

    /**
     * A rating was set or changed, on {@code ratedOn} (risk-service's date of the rating). risk-service rates only
     * people referral-service told it about, so a rating for an unknown person is refused (and dead-lettered) rather
     * than ignored.
     */
    @Transactional
    public void ratingChanged(UUID personId, RagRating rating, LocalDate ratedOn) {
        if (!people.exists(personId)) {
            throw RuleBroken.unknownPerson();
        }
        keyworker.whenRated(personId, rating, ratedOn);
    }
}
