package org.opendsr.referral.worklists.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.opendsr.referral.inmemory.UseCases.DSR_TEAM;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opendsr.referral.access.domain.AccessPurpose;
import org.opendsr.referral.inmemory.InMemoryListings;
import org.opendsr.referral.inmemory.Refusals;
import org.opendsr.referral.inmemory.UseCases;
import org.opendsr.referral.person.domain.Person;
import org.opendsr.referral.shared.application.KeysetPage;
import org.opendsr.referral.shared.application.PageRequest;

/** The DSR team's worklists: every person shown is audited, against in-memory ports. */
class ListingForTheDsrTeamTest {

    private final UseCases dsr = new UseCases();
    private final InMemoryListings listings = new InMemoryListings();
    private final ListingForTheDsrTeam worklists = new ListingForTheDsrTeam(listings, dsr.duplicateFlags, dsr.access,
            dsr.clock);

    private static Listings.FlaggedPerson flagged(Person person) {
        return new Listings.FlaggedPerson(person.id(), person.givenName(), person.familyName(), person.dateOfBirth(),
                null, person.postcode(), person.locality());
    }

    @Test
    void theRegisterListingAuditsOnlyThePeopleOnThePageShown() {
        Person first = dsr.aPerson();
        Person second = dsr.aPerson();
        listings.register.add(line(first));
        listings.register.add(line(second));

        KeysetPage<Listings.RegisterLine> page = worklists.register(new Listings.RegisterFilter(null, null, null, null),
                PageRequest.first(1), DSR_TEAM, AccessPurpose.REGISTER_MANAGEMENT);

        assertThat(page.total()).isEqualTo(2);
        assertThat(page.next()).as("another page follows").isNotNull();
        assertThat(dsr.audit.of(first.id())).containsExactly("LISTED register listing");
        assertThat(dsr.audit.of(second.id())).isEmpty();

        KeysetPage<Listings.RegisterLine> next = worklists.register(new Listings.RegisterFilter(null, null, null, null),
                new PageRequest(page.next(), 1), DSR_TEAM, AccessPurpose.REGISTER_MANAGEMENT);

        assertThat(next.items()).extracting(Listings.RegisterLine::personId).containsExactly(second.id());
        assertThat(next.next()).as("the last page").isNull();
        assertThat(dsr.audit.of(second.id())).containsExactly("LISTED register listing");
    }

    @Test
    void showingAPossibleDuplicateAuditsBothPeople() {
        Person one = dsr.aPerson();
        Person other = dsr.aPerson();
        listings.duplicateFlags.add(new Listings.DuplicateFlag(UUID.randomUUID(), dsr.clock.instant(), flagged(one),
                flagged(other)));

        worklists.possibleDuplicates(PageRequest.first(20), DSR_TEAM, AccessPurpose.DATA_QUALITY);

        assertThat(dsr.audit.of(one.id())).containsExactly("LISTED possible-duplicates worklist");
        assertThat(dsr.audit.of(other.id())).containsExactly("LISTED possible-duplicates worklist");
    }

    @Test
    void resolvingAFlagClosesItOnceAndAuditsBothRecords() {
        Person one = dsr.aPerson();
        Person other = dsr.aPerson();
        dsr.duplicateFlags.flag(one.id(), other.id(), dsr.clock.instant());
        UUID flagId = dsr.duplicateFlags.flags().get(0).id();

        worklists.resolvePossibleDuplicate(flagId, ListingForTheDsrTeam.DuplicateResolution.DIFFERENT_PEOPLE,
                DSR_TEAM, AccessPurpose.DATA_QUALITY);
        Throwable again = catchThrowable(() -> worklists.resolvePossibleDuplicate(flagId,
                ListingForTheDsrTeam.DuplicateResolution.SAME_PERSON, DSR_TEAM, AccessPurpose.DATA_QUALITY));

        assertThat(dsr.audit.of(one.id())).containsExactly("CHANGED possible duplicate resolved: DIFFERENT_PEOPLE");
        assertThat(dsr.audit.of(other.id())).containsExactly("CHANGED possible duplicate resolved: DIFFERENT_PEOPLE");
        assertThat(Refusals.problemOf(again)).isEqualTo("not-found");
    }

    private static Listings.RegisterLine line(Person person) {
        return new Listings.RegisterLine(person.id(), person.givenName(), person.familyName(), person.locality(),
                "ON_REGISTER", UUID.randomUUID(), null, null, null, null, (LocalDate) null, null);
    }
}
