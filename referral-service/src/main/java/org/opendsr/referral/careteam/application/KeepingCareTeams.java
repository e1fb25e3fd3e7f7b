package org.opendsr.referral.careteam.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.opendsr.contracts.access.CareTeamRole;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.access.CareTeamChanged;
import org.opendsr.contracts.access.CareTeamMember;
import org.opendsr.kit.access.CareTeam;
import org.opendsr.kit.ports.EventOutbox;
import org.opendsr.referral.access.application.CareTeamProjection;
import org.opendsr.referral.careteam.domain.CareFacts;
import org.opendsr.referral.careteam.domain.CareTeamPolicy;
import org.opendsr.referral.careteam.domain.JoinRequest;
import org.opendsr.referral.careteam.domain.JoinRequests;
import org.opendsr.referral.careteam.domain.Membership;
import org.opendsr.referral.careteam.domain.Memberships;
import org.opendsr.referral.lifecycle.domain.Referral;
import org.opendsr.referral.lifecycle.domain.ReferralStatus;
import org.opendsr.referral.lifecycle.domain.Referrals;
import org.opendsr.referral.person.domain.People;
import org.opendsr.referral.person.domain.Person;
import org.opendsr.referral.register.domain.RegisterEntries;
import org.opendsr.referral.register.domain.RegisterEntry;
import org.opendsr.referral.shared.application.Now;

/**
 * The one place a person's care team changes: it keeps the memberships (with their history), and in the same
 * transaction writes the kit's copy ({@link CareTeamProjection}, from which every need-to-know decision here is made)
 * and appends {@code dsr.person.care-team-changed.v1} with the whole current team and area, so that consent-, risk-
 * and meeting-service decide from exactly the same team. Every use case that changes what a team follows from
 * (first contact, an outcome, a withdrawal, a register change, a move) calls {@link #follow} in its transaction.
 */
@Singleton
public class KeepingCareTeams {

    private final People people;
    private final Referrals referrals;
    private final RegisterEntries registerEntries;
    private final Memberships memberships;
    private final JoinRequests requests;
    private final CareTeamProjection projection;
    private final EventOutbox outbox;
    private final Clock clock;

    public KeepingCareTeams(People people, Referrals referrals, RegisterEntries registerEntries,
                            Memberships memberships, JoinRequests requests, CareTeamProjection projection, EventOutbox outbox, Clock clock) {
        this.people = people;
        this.referrals = referrals;
        this.registerEntries = registerEntries;
        this.memberships = memberships;
        this.requests = requests;
        this.projection = projection;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Starts and ends the memberships that follow from the person's record as it now is ({@link CareTeamPolicy}),
     * then publishes the team if it or the person's area changed. Runs in the caller's transaction.
     */
    public void follow(UUID personId, String by) {
        Instant now = Now.of(clock);
        CareTeamPolicy.Changes changes = CareTeamPolicy.follow(personId, factsOf(personId),
                memberships.ofPerson(personId), now, by);
        changes.ended().forEach(memberships::save);
        changes.started().forEach(memberships::save);
        publish(personId, now);
    }

    /**
     * Each user id a referral or the key-professional list names becomes a pending request to join as a key
     * professional, unless that professional is already one or already asked for. Runs in the caller's transaction.
     */
    public void askForKeyProfessionals(UUID personId, List<String> subjects, String requestedBy,
                                       @Nullable UUID referralId) {
        if (subjects.isEmpty()) {
            return;
        }
        Instant now = Now.of(clock);
        Set<String> distinct = new LinkedHashSet<>(subjects);
        List<Membership> held = memberships.ofPerson(personId);
        List<JoinRequest> asked = requests.ofPerson(personId);
        for (String subject : distinct) {
            boolean isKey = held.stream().anyMatch(m -> m.role() == CareTeamRole.KEY_PROFESSIONAL
                    && m.subject().equals(subject) && m.inForce(now));
            boolean pending = asked.stream().anyMatch(r -> r.isPending() && r.subject().equals(subject));
            if (!isKey && !pending) {
                requests.save(JoinRequest.asked(personId, subject, requestedBy, referralId, now));
            }
        }
    }

    /**
     * A person a referral has just recorded: nobody is in their care team yet (a referrer joins at the DSR team's
     * first contact), so their team is their area alone. Written and announced without reading anything back, since
     * there is nothing to read: the intake path stays two statements longer, not ten.
     */
    public void placeNewPerson(UUID personId, @Nullable String area) {
        if (area == null) {
            return; // no area and nobody: what every service already assumes of someone it has not been told of
        }
        CareTeamChanged placed = new CareTeamChanged(personId, area, List.of(), Now.of(clock));
        projection.replace(placed);
        outbox.append("person", personId, EventTypes.PERSON_CARE_TEAM_CHANGED_V1, placed);
    }

    /**
     * Writes the kit's copy and appends the person's whole current team whether or not it changed: after a merge,
     * every service must learn that the team it holds for the survivor now covers both records' data.
     */
    public void announce(UUID personId) {
        publish(personId, Now.of(clock), true);
    }

    /** Saves a membership someone started or ended (a confirmed request, a break-glass read) and publishes. */
    public void save(Membership membership) {
        memberships.save(membership);
        publish(membership.personId(), Now.of(clock));
    }

    /**
     * Writes the kit's copy and appends the event when the current team or the area differs from the copy held, so
     * that a change that leaves the team as it was announces nothing.
     */
    void publish(UUID personId, Instant now) {
        publish(personId, now, false);
    }

    private void publish(UUID personId, Instant now, boolean evenIfUnchanged) {
        Optional<Person> person = people.byId(personId);
        if (person.isEmpty()) {
            return;
        }
        String area = person.get().locality();
        List<CareTeamMember> members = memberships.ofPerson(personId).stream()
                .filter(membership -> membership.inForce(now))
                .map(membership -> new CareTeamMember(membership.id(), membership.subject(), membership.role(),
                        membership.startedAt(), membership.to()))
                .toList();
        CareTeam held = projection.of(personId);
        // A person with no team written yet is "no area, nobody": the same to NeedToKnow as an empty team.
        if (!evenIfUnchanged && Objects.equals(held.area(), area) && sameMembers(held.members(), members)) {
            return;
        }
        CareTeamChanged changed = new CareTeamChanged(personId, area, members, now);
        projection.replace(changed);
        outbox.append("person", personId, EventTypes.PERSON_CARE_TEAM_CHANGED_V1, changed);
    }

    private static boolean sameMembers(List<CareTeamMember> held, List<CareTeamMember> current) {
        return keys(held).equals(keys(current));
    }

    private static Set<String> keys(List<CareTeamMember> members) {
        Set<String> keys = new HashSet<>();
        for (CareTeamMember member : members) {
            keys.add(member.membershipId() + "|" + (member.to() == null ? "" : member.to().truncatedTo(ChronoUnit.MILLIS)));
        }
        return keys;
    }

    private CareFacts factsOf(UUID personId) {
        Optional<RegisterEntry> open = registerEntries.openEntryOf(personId);
        List<CareFacts.ReferralFact> facts = referrals.ofPerson(personId).stream()
                .map(referral -> fact(referral, open))
                .toList();
        return new CareFacts(facts, open.map(RegisterEntry::id).orElse(null),
                open.map(RegisterEntry::responsibleProfessional).orElse(null));
    }

    private static CareFacts.ReferralFact fact(Referral referral, Optional<RegisterEntry> open) {
        boolean inHand = referral.status().isOpen() || referral.status() == ReferralStatus.ACCEPTED
                && open.map(entry -> entry.referralId().equals(referral.id())).orElse(false);
        return new CareFacts.ReferralFact(referral.id(), referral.route(), referral.referredBy(),
                referral.contactedAt() != null, inHand,
                referral.status().isOpen() ? null : referral.status().name());
    }
}
