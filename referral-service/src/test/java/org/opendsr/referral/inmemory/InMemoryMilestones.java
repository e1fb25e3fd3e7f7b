package org.opendsr.referral.inmemory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.opendsr.referral.lifecycle.domain.Referral;
import org.opendsr.referral.person.domain.Person;
import org.opendsr.referral.register.application.Milestones;

/** Milestones recorded once under their key, found among the in-memory people with a complete referral. */
public class InMemoryMilestones implements Milestones {

    private final InMemoryPeople people;
    private final InMemoryReferrals referrals;
    private final Set<String> recorded = new HashSet<>();

    public InMemoryMilestones(InMemoryPeople people, InMemoryReferrals referrals) {
        this.people = people;
        this.referrals = referrals;
    }

    @Override
    public List<Candidate> knownWithoutMilestoneBornBetween(String milestone, LocalDate bornAfter,
                                                            LocalDate bornOnOrBefore) {
        return people.all().stream()
                .filter(person -> referrals.ofPerson(person.id()).stream().anyMatch(Referral::isComplete))
                .filter(person -> person.dateOfBirth() != null && person.dateOfBirth().isAfter(bornAfter)
                        && !person.dateOfBirth().isAfter(bornOnOrBefore))
                .filter(person -> !recorded.contains(person.id() + "/" + milestone))
                .map(person -> new Candidate(person.id(), person.dateOfBirth(), person.createdAt()))
                .toList();
    }

    @Override
    public boolean recordMilestone(UUID personId, String milestone, LocalDate reachedOn, Instant noticedAt) {
        return recorded.add(personId + "/" + milestone);
    }

    @Override
    public boolean recordKeyworkerSuggestion(UUID episodeId, String reason, UUID personId, Instant at) {
        return recorded.add(episodeId + "/" + reason);
    }
}
