package org.opendsr.referral.inmemory;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.opendsr.contracts.common.RagRating;
import org.opendsr.contracts.referral.ReferralRoute;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.kit.access.Caller;
import org.opendsr.referral.access.domain.AccessPurpose;
import org.opendsr.referral.person.application.NewPerson;
import org.opendsr.referral.intake.application.ReferralReceipt;
import org.opendsr.referral.access.application.RecordAccess;
import org.opendsr.contracts.access.CareTeamChanged;
import org.opendsr.contracts.access.CareTeamRole;
import org.opendsr.referral.careteam.application.KeepingCareTeams;
import org.opendsr.referral.careteam.domain.Membership;
import org.opendsr.referral.careteam.application.ManagingCareTeams;
import org.opendsr.referral.intake.application.CompletingSelfOrFamilyReferrals;
import org.opendsr.referral.intake.application.ReceivingReferrals;
import org.opendsr.referral.intake.application.ReferralAnnouncements;
import org.opendsr.referral.person.application.PersonDetailsChecks;
import org.opendsr.referral.person.application.PersonRecords;
import org.opendsr.referral.person.application.UpdatingPersonRecords;
import org.opendsr.referral.register.application.NoticingEighteenthBirthdays;
import org.opendsr.referral.register.application.NoticingSixteenthBirthdays;
import org.opendsr.referral.register.application.SuggestingKeyworkerReferrals;
import org.opendsr.referral.shared.application.ReferralSettings;
import org.opendsr.referral.lifecycle.application.DecidingReferrals;
import org.opendsr.referral.lifecycle.application.TellingTheReferrer;
import org.opendsr.referral.lifecycle.application.FollowingConsent;
import org.opendsr.referral.lifecycle.application.MakingFirstContact;
import org.opendsr.referral.lifecycle.application.ReferralsInProgress;
import org.opendsr.referral.lifecycle.application.WithdrawingReferrals;
import org.opendsr.referral.lifecycle.domain.FirstContactDeadline;
import org.opendsr.referral.lifecycle.domain.MinimumDataSet;
import org.opendsr.referral.lifecycle.domain.Referral;
import org.opendsr.referral.person.domain.Person;
import org.opendsr.referral.register.application.RegisterChanges;
import org.opendsr.referral.shared.application.RecordLocks;

/**
 * referral-service's use cases wired to in-memory ports, with no database, broker or Micronaut: one per test, so
 * tests share nothing. The clock starts on a Monday morning in England.
 */
public class UseCases {

    public static final Instant MONDAY = Instant.parse("2026-03-02T09:00:00Z");
    public static final LocalDate BORN_2010 = LocalDate.of(2010, 5, 14);

    public static final Caller DSR_TEAM = new Caller("dsr-team-1", Set.of(DsrRoles.DSR_TEAM),
            Set.of("SWINDON", "WILTSHIRE"), null, "team@dsr.example", "DSR", null);
    public static final Caller REFERRER = new Caller("gp-1", Set.of(DsrRoles.PROFESSIONAL), "gp@nhs.example",
            "Old Town Surgery", null);
    public static final Caller STRANGER = new Caller("gp-2", Set.of(DsrRoles.PROFESSIONAL), "other@nhs.example",
            "Elsewhere", null);

    public final MutableClock clock = new MutableClock(MONDAY);
    public final InMemoryReferrals referrals = new InMemoryReferrals();
    public final InMemoryPeople people = new InMemoryPeople();
    public final InMemoryRegisterEntries register = new InMemoryRegisterEntries();
    public final InMemoryConsentStandings consent = new InMemoryConsentStandings();
    public final InMemoryEligibilityAssessments assessments = new InMemoryEligibilityAssessments();
    public final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    public final InMemoryCareTeams careTeams = new InMemoryCareTeams();
    public final InMemoryMemberships memberships = new InMemoryMemberships();
    public final InMemoryJoinRequests joinRequests = new InMemoryJoinRequests();
    public final InMemoryLocks locks = new InMemoryLocks();
    public final InMemoryEventOutbox outbox = new InMemoryEventOutbox();
    public final InMemoryContacts contacts = new InMemoryContacts();
    public final InMemoryKeyProfessionals keyProfessionals = new InMemoryKeyProfessionals();
    public final InMemoryDuplicateFlags duplicateFlags = new InMemoryDuplicateFlags();
    public final InMemoryReferralDetailsToReview detailsToReview = new InMemoryReferralDetailsToReview();
    public final InMemoryMilestones milestones = new InMemoryMilestones(people, referrals);
    public final InMemoryMovesOutOfArea movesOutOfArea = new InMemoryMovesOutOfArea();
    public final ReferralSettings settings = settings();

    public final RecordLocks recordLocks = new RecordLocks(locks);
    public final RecordAccess access = new RecordAccess(people, careTeams, audit, clock);
    public final KeepingCareTeams keepingCareTeams = new KeepingCareTeams(people, referrals, register, memberships,
            joinRequests, careTeams, outbox, clock);
    public final ManagingCareTeams managingCareTeams = new ManagingCareTeams(memberships, joinRequests, joinRequests,
            keepingCareTeams, access, recordLocks, clock, Duration.ofHours(4));
    private final ReferralsInProgress inProgress = new ReferralsInProgress(referrals, recordLocks);
    public final MakingFirstContact contacting = new MakingFirstContact(inProgress, referrals, outbox, access,
            keepingCareTeams, clock);
    public final WithdrawingReferrals withdrawing = new WithdrawingReferrals(inProgress, referrals, outbox, access,
            keepingCareTeams, clock);
    public final DecidingReferrals deciding = new DecidingReferrals(inProgress, referrals, people, register,
            assessments, consent, outbox, access, keepingCareTeams, TellingTheReferrer.NOBODY, clock);
    public final RegisterChanges registerChanges = new RegisterChanges(register, recordLocks, outbox, access,
            keepingCareTeams, clock);
    public final FollowingConsent followingConsent = new FollowingConsent(people, consent, recordLocks,
            registerChanges, access);
    public final PersonDetailsChecks checks = new PersonDetailsChecks(settings);
    private final PersonRecords personRecords = new PersonRecords(people, contacts, keyProfessionals, duplicateFlags,
            recordLocks, access);
    public final InMemoryProcessingRestrictions restrictions = new InMemoryProcessingRestrictions();
    private final SuggestingKeyworkerReferrals keyworker = new SuggestingKeyworkerReferrals(milestones, people,
            register, outbox, access, clock, restrictions);
    private final ReferralAnnouncements announcements = new ReferralAnnouncements(outbox, keyworker);
    public final ReceivingReferrals receiving = new ReceivingReferrals(people, referrals, personRecords, checks,
            recordLocks, new InMemoryWorkingDayCalendars(), settings, announcements, access, detailsToReview,
            keepingCareTeams, TellingTheReferrer.NOBODY, clock);
    public final CompletingSelfOrFamilyReferrals completing = new CompletingSelfOrFamilyReferrals(inProgress,
            referrals, people, personRecords, recordLocks, announcements, access, keepingCareTeams, clock);
    public final UpdatingPersonRecords updating = new UpdatingPersonRecords(people, personRecords, checks,
            recordLocks, access, outbox, keepingCareTeams,
            new org.opendsr.referral.moves.application.NoticingMovesOutOfArea(movesOutOfArea, register), clock);
    public final NoticingEighteenthBirthdays eighteenthBirthdays = new NoticingEighteenthBirthdays(milestones,
            recordLocks, outbox, access, clock);
    public final NoticingSixteenthBirthdays sixteenthBirthdays = new NoticingSixteenthBirthdays(milestones,
            recordLocks, outbox, access, clock);

    private static ReferralSettings settings() {
        ReferralSettings settings = new ReferralSettings();
        settings.setLocalities(List.of("SWINDON", "WILTSHIRE"));
        settings.setAcceptTestNhsNumbers(true);
        return settings;
    }

    /** Someone known to the DSR, born in 2010, living in Swindon. */
    public Person aPerson() {
        Person person = Person.recorded(UUID.randomUUID(), "Sam", "Example", BORN_2010, null, "SN1 1AA", "SWINDON",
                "1 High Street", null, "Swindon", null, null, "AUTISM", clock.instant());
        people.add(person);
        // As intake leaves every person: the kit holds their (empty) care team and area.
        careTeams.replace(new CareTeamChanged(person.id(), person.locality(), List.of(), clock.instant()));
        return person;
    }

    /** The caller joins the person's care team as a key professional the DSR team confirmed. */
    public void inCareTeam(Person person, Caller caller) {
        keepingCareTeams.save(Membership.start(person.id(), caller.userId(), CareTeamRole.KEY_PROFESSIONAL,
                "confirmed in the test", null, null, clock.instant(), DSR_TEAM.userId(), null));
        outbox.clear();
    }

    /** A professional referral received now from {@link #REFERRER}, due for first contact a week later. */
    public Referral aReferralFor(Person person) {
        return aReferral(person, ReferralRoute.PROFESSIONAL);
    }

    public Referral aReferral(Person person, ReferralRoute route) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), FirstContactDeadline.ENGLAND);
        Referral referral = Referral.received(UUID.randomUUID(), person.id(), route,
                route == ReferralRoute.SELF_OR_FAMILY ? null : new MinimumDataSet("Escalating distress",
                        "Placement at risk", null, null, RagRating.AMBER),
                route == ReferralRoute.SELF_OR_FAMILY ? DSR_TEAM.userId() : REFERRER.userId(), "Old Town Surgery",
                new FirstContactDeadline(today, today.plusDays(7)), clock.instant(), null);
        referrals.add(referral);
        outbox.clear();
        return referral;
    }

    /** A professional's referral as the web edge takes it: the person parsed once, then the use case. */
    public ReferralReceipt referProfessionally(NewPerson person, MinimumDataSet minimumDataSet, Caller referrer,
                                               AccessPurpose purpose) {
        return receiving.receiveProfessionalReferral(receiving.professionalReferral(person), minimumDataSet, referrer,
                purpose);
    }

    /** A self or family referral as the web edge takes it: the person parsed once, then the use case. */
    public ReferralReceipt referSelfOrFamily(NewPerson person, String reasonGiven, Caller takenBy,
                                             AccessPurpose purpose) {
        return receiving.receiveSelfOrFamilyReferral(receiving.selfOrFamilyReferral(person), reasonGiven, takenBy,
                purpose);
    }
}
