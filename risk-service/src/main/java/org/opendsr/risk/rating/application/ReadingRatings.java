package org.opendsr.risk.rating.application;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.kit.lifecycle.MergedPeople;
import org.opendsr.kit.lifecycle.ProcessingRestrictions;
import org.opendsr.contracts.common.RagRating;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.access.PersonScope;
import org.opendsr.kit.paging.WorklistPage;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.risk.rating.domain.PersonRating;
import org.opendsr.risk.rating.domain.PersonRatings;
import org.opendsr.risk.rating.domain.RatingDecision;
import org.opendsr.risk.shared.application.CurrentRating;
import org.opendsr.risk.shared.application.CurrentRatings;
import org.opendsr.risk.shared.application.PersonFacts;
import org.opendsr.risk.shared.application.RiskAccess;

/** A person's rating and history for those with need to know; the RED and BLUE lists; what other features read. */
@Singleton
public class ReadingRatings implements CurrentRatings {

    /**
     * A person's current rating (if any), admission status and history, newest first; whether processing of their data
     * is restricted (UK GDPR Article 18).
     */
    public record PersonRatingHistory(PersonRating person, List<RatingDecision> history, boolean processingRestricted) {
    }

    private final PersonRatings people;
    private final RatingWorklists worklists;
    private final RiskAccess access;

    private final MergedPeople mergedPeople;
    private final ProcessingRestrictions restrictions;

    public ReadingRatings(PersonRatings people, RatingWorklists worklists, RiskAccess access, MergedPeople mergedPeople,
                          ProcessingRestrictions restrictions) {
        this.mergedPeople = mergedPeople;
        this.restrictions = restrictions;
        this.people = people;
        this.worklists = worklists;
        this.access = access;
    }

    /** The person's rating; a duplicate's personId, merged since, reads the survivor's. */
    @Transactional(readOnly = true)
    public PersonRatingHistory of(UUID asked, Caller caller) {
        UUID personId = mergedPeople.survivorOf(asked);
        access.read(personId, caller, "rating");
        PersonRating person = people.find(personId).orElseThrow(() -> RuleBroken.notFound("Person"));
        return new PersonRatingHistory(person, people.historyOf(personId), restrictions.isRestricted(personId));
    }

    /** The people rated RED (or BLUE, ...) whom the caller may see, in an area if asked, longest-rated first. */
    @Transactional(readOnly = true)
    public WorklistPage<RatingWorklists.Line> rated(RagRating rating, @Nullable String area, @Nullable String after,
                                                    @Nullable Integer limit, Caller caller) {
        int size = WorklistPage.limit(limit);
        WorklistPage.After from = WorklistPage.After.of(after);
        PersonScope scope = access.scopeOf(caller);
        access.listRead(caller, rating + " list" + (area == null ? "" : " of " + area));
        if (scope.seesNoOne()) {
            return new WorklistPage<>(List.of(), null);
        }
        return WorklistPage.of(worklists.rated(rating, area, scope, from, size), size,
                RatingWorklists.Line::sinceOn, RatingWorklists.Line::personId);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<CurrentRating> of(UUID personId) {
        return people.find(personId).flatMap(person -> person.current().map(current ->
                new CurrentRating(personId, current.rating(), current.since(), current.sinceOn())));
    }

    @Override
    @Transactional(readOnly = true)
    public boolean isOnRegister(UUID personId) {
        return people.find(personId).map(PersonRating::onRegister).orElse(false);
    }

    @Override
    @Transactional(propagation = io.micronaut.transaction.TransactionDefinition.Propagation.MANDATORY)
    public boolean lock(UUID personId) {
        return people.findForUpdate(personId).isPresent();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<PersonFacts> factsOf(UUID personId, java.time.LocalDate on) {
        return people.find(personId).map(person -> ApplyingRatings.factsOf(person, on));
    }
}
