package org.opendsr.referral.worklists.application;

import org.opendsr.kit.access.PersonScope;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.referral.audit.application.Actor;
import org.opendsr.referral.person.application.DuplicateFlags;
import org.opendsr.referral.shared.application.KeysetPage;
import org.opendsr.referral.shared.application.PageRequest;
import org.opendsr.referral.access.domain.AccessPurpose;
import org.opendsr.referral.audit.application.AuditAction;
import org.opendsr.kit.access.Caller;
import org.opendsr.referral.shared.application.Now;
import org.opendsr.referral.access.application.RecordAccess;

/**
 * The register listing and the DSR team's worklists. Each person a listing shows is audited as listed, with the
 * purpose, in the same transaction as the read.
 */
@Singleton
public class ListingForTheDsrTeam {

    /** What the DSR team decided about two people flagged as possibly one. */
    public enum DuplicateResolution {
        /** Two people who share a name and date of birth. */
        DIFFERENT_PEOPLE,
        /** One person recorded twice: the records are merged (rights/application/MergingPeople). */
        SAME_PERSON
    }

    private final Listings listings;
    private final DuplicateFlags duplicateFlags;
    private final RecordAccess access;
    private final Clock clock;

    public ListingForTheDsrTeam(Listings listings, DuplicateFlags duplicateFlags, RecordAccess access, Clock clock) {
        this.listings = listings;
        this.duplicateFlags = duplicateFlags;
        this.access = access;
        this.clock = clock;
    }

    @Transactional
    public KeysetPage<Listings.RegisterLine> register(Listings.RegisterFilter filter, PageRequest page, Caller caller,
                                                      AccessPurpose purpose) {
        KeysetPage<Listings.RegisterLine> lines = listings.register(filter, scope(caller), LocalDate.now(clock), page);
        audit(lines.items().stream().map(Listings.RegisterLine::personId).toList(), "register listing", caller, purpose);
        return lines;
    }

    @Transactional
    public KeysetPage<Listings.AwaitingContact> awaitingFirstContact(@Nullable Boolean overdue, PageRequest page,
                                                                     Caller caller, AccessPurpose purpose) {
        KeysetPage<Listings.AwaitingContact> lines = listings.awaitingFirstContact(overdue, scope(caller), LocalDate.now(clock),
                page);
        audit(lines.items().stream().map(Listings.AwaitingContact::personId).toList(), "first-contact worklist",
                caller, purpose);
        return lines;
    }

    @Transactional
    public KeysetPage<Listings.Unallocated> unallocated(PageRequest page, Caller caller, AccessPurpose purpose) {
        KeysetPage<Listings.Unallocated> lines = listings.unallocated(scope(caller), page);
        audit(lines.items().stream().map(Listings.Unallocated::personId).toList(), "re-allocation worklist", caller,
                purpose);
        return lines;
    }

    @Transactional
    public KeysetPage<Listings.DuplicateFlag> possibleDuplicates(PageRequest page, Caller caller,
                                                                 AccessPurpose purpose) {
        KeysetPage<Listings.DuplicateFlag> lines = listings.openDuplicateFlags(scope(caller), page);
        List<UUID> shown = new ArrayList<>();
        lines.items().forEach(flag -> {
            shown.add(flag.person().personId());
            shown.add(flag.possibleDuplicate().personId());
        });
        audit(shown, "possible-duplicates worklist", caller, purpose);
        return lines;
    }

    @Transactional
    public void resolvePossibleDuplicate(UUID flagId, DuplicateResolution resolution, Caller caller,
                                         AccessPurpose purpose) {
        UUID[] pair = duplicateFlags.openPair(flagId)
                .orElseThrow(() -> RuleBroken.notFound("An open possible-duplicate flag"));
        if (resolution == DuplicateResolution.SAME_PERSON) {
            // Never recorded without the merge it means: the records would stay two (issue 16).
            throw new IllegalStateException("SAME_PERSON is resolved by MergingPeople.resolveAsSamePerson");
        }
        // Each of the two people must be the caller's to manage: the flag shows both identities.
        for (UUID person : pair) {
            access.requireManages(person, caller, "An open possible-duplicate flag");
        }
        duplicateFlags.resolve(flagId, resolution.name(), caller.userId(), Now.of(clock));
        access.auditAll(List.of(pair), Actor.of(caller), AuditAction.CHANGED, "possible duplicate resolved: "
                + resolution, purpose, Now.of(clock));
    }

    private PersonScope scope(Caller caller) {
        return PersonScope.of(caller, Now.of(clock));
    }

    private void audit(List<UUID> personIds, String what, Caller caller, AccessPurpose purpose) {
        access.auditAll(personIds, Actor.of(caller), AuditAction.LISTED, what, purpose, Now.of(clock));
    }
}
