package org.opendsr.referral.intake.application;

import org.opendsr.referral.careteam.application.KeepingCareTeams;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.contracts.common.Diagnosis;
import org.opendsr.referral.audit.application.Actor;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.referral.lifecycle.domain.MinimumDataSet;
import org.opendsr.referral.shared.application.RecordLocks;
import org.opendsr.referral.person.domain.People;
import org.opendsr.referral.person.domain.Person;
import org.opendsr.referral.lifecycle.domain.Referral;
import org.opendsr.referral.lifecycle.domain.Referrals;
import org.opendsr.referral.access.domain.AccessPurpose;
import org.opendsr.referral.person.domain.NhsNumber;
import org.opendsr.referral.audit.application.AuditAction;
import org.opendsr.kit.access.Caller;
import org.opendsr.referral.shared.application.Now;
import org.opendsr.referral.person.application.PersonDetailsChecks;
import org.opendsr.referral.person.application.PersonRecords;
import org.opendsr.referral.access.application.RecordAccess;
import org.opendsr.referral.lifecycle.application.ReferralOutcome;
import org.opendsr.referral.lifecycle.application.ReferralsInProgress;

/**
 * The DSR team completes a self or family referral: the person's date of birth and locality (and NHS number if
 * known) and the minimum data set. From then on it is a referral like any other, and the other services hear of it.
 */
@Singleton
public class CompletingSelfOrFamilyReferrals {

    /**
     * What the DSR team adds to a first contact, parsed and checked once where it comes in ({@link #parse}): a
     * plausible date of birth, one of the ICB's localities, and an NHS number that passed its check, if one was given.
     */
    public record Completion(LocalDate dateOfBirth, String locality, @Nullable NhsNumber nhsNumber,
                             @Nullable Diagnosis diagnosis, MinimumDataSet minimumDataSet) {

        /**
         * The completion as sent, checked in the order the refusals have always come in (date of birth, locality,
         * NHS number), each refusal naming the field as the request does.
         */
        public static Completion parse(LocalDate dateOfBirth, String locality, @Nullable String nhsNumber,
                                       @Nullable Diagnosis diagnosis, MinimumDataSet minimumDataSet,
                                       PersonDetailsChecks checks, LocalDate today) {
            checks.dateOfBirth("dateOfBirth", dateOfBirth, today);
            checks.locality("locality", locality, false);
            NhsNumber parsed = checks.nhsNumber("nhsNumber", nhsNumber).orElse(null);
            return new Completion(dateOfBirth, locality, parsed, diagnosis, minimumDataSet);
        }

        @Override
        public String toString() {
            return "Completion[personal data redacted]";
        }
    }

    private final ReferralsInProgress inProgress;
    private final Referrals referrals;
    private final People people;
    private final PersonRecords personRecords;
    private final RecordLocks locks;
    private final ReferralAnnouncements announcements;
    private final RecordAccess access;
    private final KeepingCareTeams careTeams;
    private final Clock clock;

    public CompletingSelfOrFamilyReferrals(ReferralsInProgress inProgress, Referrals referrals, People people,
                                           PersonRecords personRecords, RecordLocks locks,
                                           ReferralAnnouncements announcements, RecordAccess access, KeepingCareTeams careTeams, Clock clock) {
        this.careTeams = careTeams;
        this.inProgress = inProgress;
        this.referrals = referrals;
        this.people = people;
        this.personRecords = personRecords;
        this.locks = locks;
        this.announcements = announcements;
        this.access = access;
        this.clock = clock;
    }

    @Transactional
    public ReferralOutcome complete(UUID referralId, Completion completion, Caller caller, AccessPurpose purpose) {
        Instant now = Now.of(clock);
        // Already checked where it came in (Completion.parse): nothing here checks the values again.
        Optional<NhsNumber> nhsNumber = Optional.ofNullable(completion.nhsNumber());

        // Locks in the one order (NHS number, person, date of birth) so two changes cannot wait on each other.
        nhsNumber.ifPresent(number -> locks.lockIdentity(number.digits()));
        Referral referral = inProgress.lockedForChange(referralId);
        // The DSR team of the person's area (or a lead) completes it; to anyone else it does not exist.
        access.requireManages(referral.personId(), caller, "The referral");
        referral.complete(completion.minimumDataSet());
        Person person = people.byId(referral.personId()).orElseThrow();
        String digits = nhsNumber.map(NhsNumber::digits).orElse(person.nhsNumber());
        if (nhsNumber.isPresent()) {
            people.byNhsNumber(digits).filter(other -> !other.id().equals(person.id())).ifPresent(other -> {
                // A 409 that names the field, like every other refusal of a value the caller sent.
                throw RuleBroken.conflict("nhs-number-belongs-to-another-person",
                        "Someone else has this NHS number", "nhsNumber", "the DSR already knows a person with this"
                                + " NHS number (personId " + other.id() + "); withdraw this referral and refer that"
                                + " person, or correct the number");
            });
        }

        person.changeIdentity(person.givenName(), person.familyName(), completion.dateOfBirth(), digits, now);
        person.changeAddress(person.addressLine1(), person.addressLine2(), person.town(), person.postcode(),
                completion.locality(), now);
        if (completion.diagnosis() != null) {
            person.changeDiagnosis(completion.diagnosis().name(), now);
        }
        people.save(person);
        referrals.save(referral);
        careTeams.follow(person.id(), caller.userId());

        personRecords.flagPossibleDuplicates(person);
        access.audit(person.id(), Actor.of(caller), AuditAction.CHANGED, "referral " + referral.id() + " completed",
                purpose, now);
        announcements.received(referral, person);
        return new ReferralOutcome(referral.id(), person.id(), referral.status(), now,
                referral.firstContactDueOn(), null, null);
    }
}
