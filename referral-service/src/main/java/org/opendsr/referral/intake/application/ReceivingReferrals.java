package org.opendsr.referral.intake.application;

import java.util.Objects;
import org.opendsr.referral.careteam.application.KeepingCareTeams;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.contracts.agency.AgencyPerson;
import org.opendsr.contracts.agency.AgencyReferralSubmitted;
import org.opendsr.contracts.referral.ReferralRoute;
import org.opendsr.kit.rules.GivenOrLeftOut;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.referral.lifecycle.domain.MinimumDataSet;
import org.opendsr.referral.shared.application.RecordLocks;
import org.opendsr.referral.person.domain.People;
import org.opendsr.referral.person.domain.Person;
import org.opendsr.referral.lifecycle.domain.AgencyReferrer;
import org.opendsr.referral.lifecycle.domain.Referral;
import org.opendsr.referral.lifecycle.domain.Referrals;
import org.opendsr.referral.lifecycle.application.TellingTheReferrer;
import org.opendsr.referral.access.domain.AccessPurpose;
import org.opendsr.referral.person.domain.ContactRelationship;
import org.opendsr.referral.lifecycle.domain.FirstContactDeadline;
import org.opendsr.referral.person.domain.NhsNumber;
import org.opendsr.referral.person.domain.NhsNumberMatch;
import org.opendsr.referral.lifecycle.domain.ReferralStatus;
import org.opendsr.referral.audit.application.Actor;
import org.opendsr.referral.person.application.Address;
import org.opendsr.referral.audit.application.AuditAction;
import org.opendsr.kit.access.Caller;
import org.opendsr.referral.person.application.Demographics;
import org.opendsr.referral.person.application.NewContact;
import org.opendsr.referral.person.application.NewKeyProfessional;
import org.opendsr.referral.person.application.NewPerson;
import org.opendsr.referral.shared.application.Now;
import org.opendsr.referral.person.application.PersonDetailsChecks;
import org.opendsr.referral.person.application.PersonRecords;
import org.opendsr.referral.access.application.RecordAccess;
import org.opendsr.referral.shared.application.ReferralSettings;
import org.opendsr.kit.calendar.WorkingDayCalendars;

/**
 * Receives a referral by any route: finds the person by NHS number or records them (flagging anyone they may
 * already be), records the referral with its first-contact deadline, audits both, and publishes
 * {@code ReferralReceived} (no personal identifiers) in the same transaction, or on completion for a self or family
 * referral that does not yet say who the person is beyond their name.
 */
@Singleton
public class ReceivingReferrals {

    /** The detail a referral's NHS number is kept under when someone born on another day holds it. */
    public static final String NHS_NUMBER_HELD_FOR_REVIEW = "nhsNumber";

    private final People people;
    private final Referrals referrals;
    private final PersonRecords personRecords;
    private final PersonDetailsChecks checks;
    private final RecordLocks locks;
    private final WorkingDayCalendars workingDays;
    private final ReferralSettings settings;
    private final ReferralAnnouncements announcements;
    private final RecordAccess access;
    private final KeepingCareTeams careTeams;
    private final ReferralDetailsToReview detailsToReview;
    private final TellingTheReferrer referrers;
    private final Clock clock;

    public ReceivingReferrals(People people, Referrals referrals, PersonRecords personRecords,
                              PersonDetailsChecks checks, RecordLocks locks, WorkingDayCalendars workingDays,
                              ReferralSettings settings, ReferralAnnouncements announcements, RecordAccess access,
                              ReferralDetailsToReview detailsToReview, KeepingCareTeams careTeams,
                              TellingTheReferrer referrers, Clock clock) {
        this.referrers = referrers;
        this.careTeams = careTeams;
        this.detailsToReview = detailsToReview;
        this.people = people;
        this.referrals = referrals;
        this.personRecords = personRecords;
        this.checks = checks;
        this.locks = locks;
        this.workingDays = workingDays;
        this.settings = settings;
        this.announcements = announcements;
        this.access = access;
        this.clock = clock;
    }

    /**
     * A referred person's details, parsed and checked once where the referral came in ({@link #professionalReferral},
     * {@link #selfOrFamilyReferral}, or an agency event): only those make one, so a use case never sees unchecked
     * details and never checks them again.
     */
    public static final class ReferredPerson {
        private final NewPerson details;
        private final String postcode;
        private final Optional<NhsNumber> nhsNumber;

        private ReferredPerson(NewPerson details, String postcode, Optional<NhsNumber> nhsNumber) {
            this.details = details;
            this.postcode = postcode;
            this.nhsNumber = nhsNumber;
        }

        public NewPerson details() {
            return details;
        }

        /** As Royal Mail writes it. */
        public String postcode() {
            return postcode;
        }

        public Optional<NhsNumber> nhsNumber() {
            return nhsNumber;
        }

        @Override
        public String toString() {
            return "ReferredPerson[personal data redacted]";
        }
    }

    /** The person of a professional's referral, checked in the order the refusals have always come in. */
    public ReferredPerson professionalReferral(NewPerson person) {
        ReferredPerson referred = checkPerson(person, "", true);
        checks.contacts("contacts", person.contacts());
        return referred;
    }

    /** The person of a self or family referral: its one first contact is checked first, then the person. */
    public ReferredPerson selfOrFamilyReferral(NewPerson person) {
        // The request has one phone, one email and who made it, not a list of contacts: refusals name its fields.
        checks.firstContact(person.contacts().get(0));
        return checkPerson(person, "", false);
    }

    /** A professional's referral with the minimum data set. */
    @Transactional
    public ReferralReceipt receiveProfessionalReferral(ReferredPerson person, MinimumDataSet minimumDataSet,
                                                       Caller referrer, AccessPurpose purpose) {
        return receive(ReferralRoute.PROFESSIONAL, person, "", minimumDataSet, referrer.userId(),
                referrer.organisation(), referrer.email(), null, Actor.of(referrer), purpose);
    }

    /**
     * A self or family referral: a minimal first contact (name, postcode, a phone or an email), taken by the DSR
     * team, who complete the rest later ({@link CompletingSelfOrFamilyReferrals}).
     */
    @Transactional
    public ReferralReceipt receiveSelfOrFamilyReferral(ReferredPerson person, @Nullable String reasonGiven,
                                                       Caller takenBy, AccessPurpose purpose) {
        MinimumDataSet firstWords = reasonGiven == null ? null : new MinimumDataSet(reasonGiven, null, null, null, null);
        return receive(ReferralRoute.SELF_OR_FAMILY, person, "", firstWords, takenBy.userId(),
                takenBy.organisation(), null, null, Actor.of(takenBy), purpose);
    }

    /**
     * An agency system's referral event. A re-sent referral (same agency, same reference, even under a new event id)
     * changes nothing and returns the referral received the first time.
     */
    @Transactional
    public ReferralReceipt receiveAgencyReferral(AgencyReferralSubmitted submitted, String agencySource) {
        Optional<Referral> earlier = referrals.byAgencyReference(agencySource, submitted.agencyReference());
        if (earlier.isPresent()) {
            Referral referral = earlier.get();
            return new ReferralReceipt(referral.id(), referral.personId(), referral.status(),
                    referral.receivedAt(), true, referral.firstContactDueOn(),
                    List.copyOf(detailsToReview.of(referral.id()).keySet()));
        }
        // The agency format has the person's own phone and email beside their name: name the fields as it does.
        checks.phone("person.phone", submitted.person().phone());
        GivenOrLeftOut.check("person.email", submitted.person().email());
        // The referrer becomes a key professional: their contact details pass the same checks as any other's.
        checks.phone("referrer.phone", submitted.referrer().phone());
        GivenOrLeftOut.check("referrer.email", submitted.referrer().email());
        // Checked here, after the re-sent check, not on arrival: a re-sent referral is answered as the first was.
        NewPerson details = personOf(submitted.person());
        ReferredPerson person = checkPerson(details, "person.", true);
        checks.contacts("person.contacts", details.contacts());
        MinimumDataSet minimumDataSet = new MinimumDataSet(submitted.reasonForReferral(), submitted.currentIssues(),
                submitted.whatHasBeenTried(), submitted.whatCouldReduceRisk(), submitted.indicativeRag());
        return receive(ReferralRoute.AGENCY_SYSTEM, person, "person.", minimumDataSet, agencySource,
                submitted.referrer().organisation(), null, submitted, Actor.agencySystem(agencySource),
                AccessPurpose.AGENCY_UPDATE);
    }

    private ReferredPerson checkPerson(NewPerson person, String prefix, boolean identified) {
        LocalDate today = LocalDate.now(clock);
        checks.optionalValues(prefix, person);
        if (identified && person.dateOfBirth() == null) {
            throw RuleBroken.invalid(prefix + "dateOfBirth", "must not be null");
        }
        if (person.dateOfBirth() != null) {
            checks.dateOfBirth(prefix + "dateOfBirth", person.dateOfBirth(), today);
        }
        if (identified && person.locality() == null) {
            throw RuleBroken.invalid(prefix + "locality", "must not be null");
        }
        if (person.locality() != null) {
            checks.locality(prefix + "locality", person.locality(), false);
        }
        String postcode = checks.postcode(prefix.isEmpty() ? "postcode" : prefix + "address.postcode",
                person.postcode());
        Optional<NhsNumber> nhsNumber = checks.nhsNumber(prefix + "nhsNumber", person.nhsNumber());
        checks.demographics(prefix + "demographics.", person.demographics());
        checks.keyProfessionals(prefix + "keyProfessionals", person.keyProfessionals());
        return new ReferredPerson(person, postcode, nhsNumber);
    }

    private ReferralReceipt receive(ReferralRoute route, ReferredPerson referred, String prefix,
                                    @Nullable MinimumDataSet minimumDataSet, String referredBy,
                                    @Nullable String referrerOrganisation, @Nullable String professionalEmail,
                                    @Nullable AgencyReferralSubmitted agency,
                                    Actor actor, AccessPurpose purpose) {
        Instant now = Now.of(clock);
        NewPerson person = referred.details();
        String postcode = referred.postcode();
        Optional<NhsNumber> nhsNumber = referred.nhsNumber();

        // Locks in the one order (NHS number, person, date of birth), and reads the person again once locked.
        Optional<Person> known = nhsNumber.flatMap(number -> {
            locks.lockIdentity(number.digits());
            return people.byNhsNumber(number.digits());
        }).map(found -> {
            locks.lockPerson(found.id());
            return people.byId(found.id()).orElseThrow();
        });
        // An NHS number held for someone born on another day. A linked referral would show the referrer a
        // stranger's record, and a second person cannot hold the same number, so the referral is never linked. An
        // agency system's referral still goes to the dead-letter topic with this reason for its operators to fix
        // (their operators see no person through it). A professional's or the DSR team's referral is taken in
        // exactly as one for someone new (a new record without the number) and the number is kept on the referral
        // for the DSR team to review beside the person who holds it: refusing it, or answering differently, would
        // tell anyone who knows an NHS number whether the DSR knows that person (a membership oracle).
        boolean numberHeldForAnother = known.isPresent()
                && !NhsNumberMatch.isTheSamePerson(known.get().dateOfBirth(), person.dateOfBirth());
        if (numberHeldForAnother && route == ReferralRoute.AGENCY_SYSTEM) {
            throw RuleBroken.conflict("nhs-number-held-for-another-person",
                    "The NHS number is held for a different person", prefix + "nhsNumber", NhsNumberMatch.DIFFERS);
        }
        Optional<Person> holder = numberHeldForAnother ? known : Optional.empty();
        if (numberHeldForAnother) {
            known = Optional.empty();
        }
        Optional<PersonRecords.KnownPersonReferred> takenIn = known.map(found ->
                personRecords.takeInReferral(found, person, postcode, now));
        String recordedNumber = holder.isPresent() ? null : nhsNumber.map(NhsNumber::digits).orElse(null);
        Person recorded = takenIn.map(PersonRecords.KnownPersonReferred::person)
                .orElseGet(() -> personRecords.record(person, recordedNumber, postcode, now));
        if (agency != null) {
            personRecords.addKeyProfessional(recorded.id(), new NewKeyProfessional(agency.referrer().name(),
                    agency.referrer().role(), agency.referrer().organisation(), agency.referrer().phone(),
                    agency.referrer().email(), null));
        }

        FirstContactDeadline deadline = FirstContactDeadline.forReferralReceived(now,
                settings.getFirstContactWorkingDays(), workingDays.current());
        AgencyReferrer agencyReferrer = agency == null ? null : new AgencyReferrer(agency.agencyReference(),
                agency.referrer().name(), agency.referrer().role(), agency.referrer().email(),
                agency.referrer().phone());
        Referral referral = Referral.received(UUID.randomUUID(), recorded.id(), route, minimumDataSet, referredBy,
                referrerOrganisation, deadline, now, agencyReferrer, professionalEmail);
        referrals.add(referral);
        Map<String, String> toReview = new LinkedHashMap<>(
                takenIn.map(PersonRecords.KnownPersonReferred::detailsToReview).orElse(Map.of()));
        if (holder.isPresent()) {
            // Named as the request names it; the DSR team sees it on the referral and the pair on their
            // possible-duplicates worklist, and decides whose number it is.
            toReview.put(NHS_NUMBER_HELD_FOR_REVIEW, nhsNumber.orElseThrow().digits());
        }
        detailsToReview.keep(referral.id(), toReview);
        // A referral gives its author no access (they join at the DSR team's first contact), and a key professional
        // it names by user id is only a request for the DSR team to confirm: a referral for someone already known
        // grants nothing, so it reveals nothing either (issue 11, finding 1).
        if (known.isEmpty()) {
            careTeams.placeNewPerson(recorded.id(), recorded.locality());
        } else {
            careTeams.follow(recorded.id(), actor.id());
        }
        careTeams.askForKeyProfessionals(recorded.id(), person.keyProfessionals().stream()
                .map(NewKeyProfessional::userId).filter(Objects::nonNull).toList(), actor.id(), referral.id());

        List<RecordAccess.Audited> audited = new ArrayList<>();
        if (known.isEmpty()) {
            audited.add(new RecordAccess.Audited(recorded.id(), AuditAction.CREATED, "person"));
        } else if (takenIn.get().recordChanged()) {
            audited.add(new RecordAccess.Audited(recorded.id(), AuditAction.CHANGED,
                    "record: details added by referral " + referral.id()));
        }
        audited.add(new RecordAccess.Audited(recorded.id(), AuditAction.CREATED, "referral " + referral.id()));
        holder.ifPresent(held -> {
            // Both records show the attempt, by whom, even though the referrer is told nothing of it.
            audited.add(new RecordAccess.Audited(recorded.id(), AuditAction.CHANGED, "referral " + referral.id()
                    + " gave an NHS number held for person " + held.id() + ": kept for the DSR team to review"));
            audited.add(new RecordAccess.Audited(held.id(), AuditAction.CHANGED, "referral " + referral.id()
                    + " gave this person's NHS number for person " + recorded.id()
                    + " (date of birth differs): kept for the DSR team to review"));
        });
        access.auditEach(audited, actor, purpose, now);
        holder.ifPresent(held -> personRecords.flagNhsNumberHeldBy(recorded, held.id()));
        if (referral.isComplete()) {
            announcements.received(referral, recorded);
        }
        referrers.received(referral);
        return new ReferralReceipt(referral.id(), recorded.id(), ReferralStatus.RECEIVED, now, known.isPresent(),
                deadline.dueOn(), List.copyOf(toReview.keySet()));
    }

    private static NewPerson personOf(AgencyPerson person) {
        List<NewContact> contacts = new ArrayList<>();
        if (person.phone() != null || person.email() != null) {
            contacts.add(new NewContact(ContactRelationship.PERSON, null, person.phone(), person.email(), false));
        }
        return new NewPerson(person.givenName(), person.familyName(), person.dateOfBirth(), person.nhsNumber(),
                person.address().postcode(), person.locality(),
                new Address(person.address().line1(), person.address().line2(), person.address().town()),
                Demographics.NOT_GIVEN, person.diagnosis(), contacts, List.of());
    }
}
