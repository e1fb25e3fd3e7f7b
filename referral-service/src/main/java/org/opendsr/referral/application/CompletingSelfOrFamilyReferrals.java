package org.opendsr.referral.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.contracts.common.Diagnosis;
import org.opendsr.contracts.referral.ReferralRoute;
import org.opendsr.kit.web.RequestRefused;
import org.opendsr.referral.adapters.persistence.AdvisoryLocks;
import org.opendsr.referral.adapters.persistence.People;
import org.opendsr.referral.adapters.persistence.PersonRow;
import org.opendsr.referral.adapters.persistence.ReferralRow;
import org.opendsr.referral.adapters.persistence.Referrals;
import org.opendsr.referral.domain.AccessPurpose;
import org.opendsr.referral.domain.NhsNumber;
import org.opendsr.referral.domain.ReferralStatus;
import org.opendsr.referral.domain.RuleBroken;

/**
 * The DSR team completes a self or family referral: the person's date of birth and locality (and NHS number if
 * known) and the minimum data set. From then on it is a referral like any other, and the other services hear of it.
 */
@Singleton
public class CompletingSelfOrFamilyReferrals {

    /** What the DSR team adds to a first contact. */
    public record Completion(LocalDate dateOfBirth, String locality, @Nullable String nhsNumber,
                             @Nullable Diagnosis diagnosis, MinimumDataSet minimumDataSet) {
        @Override
        public String toString() {
            return "Completion[personal data redacted]";
        }
    }

    private final ReferralsInProgress inProgress;
    private final Referrals referrals;
    private final People people;
    private final PersonRecords personRecords;
    private final PersonDetailsChecks checks;
    private final AdvisoryLocks locks;
    private final ReferralAnnouncements announcements;
    private final RecordAccess access;
    private final Clock clock;

    public CompletingSelfOrFamilyReferrals(ReferralsInProgress inProgress, Referrals referrals, People people,
                                           PersonRecords personRecords, PersonDetailsChecks checks, AdvisoryLocks locks,
                                           ReferralAnnouncements announcements, RecordAccess access, Clock clock) {
        this.inProgress = inProgress;
        this.referrals = referrals;
        this.people = people;
        this.personRecords = personRecords;
        this.checks = checks;
        this.locks = locks;
        this.announcements = announcements;
        this.access = access;
        this.clock = clock;
    }

    @Transactional
    public ReferralOutcome complete(UUID referralId, Completion completion, Caller caller, AccessPurpose purpose) {
        Instant now = Now.of(clock);
        checks.dateOfBirth("dateOfBirth", completion.dateOfBirth(), LocalDate.now(clock));
        checks.locality("locality", completion.locality(), false);
        Optional<NhsNumber> nhsNumber = checks.nhsNumber("nhsNumber", completion.nhsNumber());

        ReferralRow referral = inProgress.lockedForChange(referralId);
        if (!ReferralRoute.SELF_OR_FAMILY.name().equals(referral.route()) || referral.complete()) {
            throw new RuleBroken("referral-already-complete", "The referral is already complete",
                    "only a self or family referral is completed, once");
        }
        if (!ReferralStatus.valueOf(referral.status()).isOpen()) {
            throw new RuleBroken("referral-closed", "The referral already has its outcome",
                    "the referral is " + referral.status());
        }
        PersonRow person = people.findById(referral.personId()).orElseThrow();
        String digits = nhsNumber.map(NhsNumber::digits).orElse(person.nhsNumber());
        if (nhsNumber.isPresent()) {
            locks.lockIdentity(digits);
            people.findByNhsNumber(digits).filter(other -> !other.id().equals(person.id())).ifPresent(other -> {
                // A 409 that names the field, like every other refusal of a value the caller sent.
                throw new RequestRefused(HttpStatus.CONFLICT, "nhs-number-belongs-to-another-person",
                        "Someone else has this NHS number", "the DSR already knows a person with this NHS number"
                                + " (personId " + other.id() + "); withdraw this referral and refer that person, or"
                                + " correct the number", "nhsNumber");
            });
        }

        people.updateIdentity(person.id(), person.givenName(), person.familyName(), completion.dateOfBirth(), digits, now);
        people.updateAddress(person.id(), person.addressLine1(), person.addressLine2(), person.town(), person.postcode(),
                completion.locality(), now);
        if (completion.diagnosis() != null) {
            people.updateDiagnosis(person.id(), completion.diagnosis().name(), now);
        }
        MinimumDataSet data = completion.minimumDataSet();
        referrals.complete(referral.id(), data.reasonForReferral(), data.currentIssues(), data.whatHasBeenTried(),
                data.whatCouldReduceRisk(), data.indicativeRag() == null ? null : data.indicativeRag().name());

        PersonRow completed = people.findById(person.id()).orElseThrow();
        personRecords.flagPossibleDuplicates(completed);
        access.audit(person.id(), caller.asActor(), AuditAction.CHANGED, "referral " + referral.id() + " completed",
                purpose, now);
        announcements.received(referrals.findById(referral.id()).orElseThrow(), completed);
        return new ReferralOutcome(referral.id(), person.id(), ReferralStatus.valueOf(referral.status()), now,
                referral.firstContactDueOn(), null, null);
    }
}
