package org.opendsr.referral.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.common.Diagnosis;
import org.opendsr.contracts.consent.ConsentStatus;
import org.opendsr.contracts.referral.DeclineReason;
import org.opendsr.contracts.referral.ReferralAccepted;
import org.opendsr.contracts.referral.ReferralDeclined;
import org.opendsr.contracts.referral.ReferralRoute;
import org.opendsr.contracts.referral.ResponsibilityChange;
import org.opendsr.contracts.referral.ResponsibilityChanged;
import org.opendsr.kit.outbox.Outbox;
import org.opendsr.referral.adapters.persistence.ConsentStandings;
import org.opendsr.referral.adapters.persistence.EligibilityAssessmentRow;
import org.opendsr.referral.adapters.persistence.EligibilityAssessments;
import org.opendsr.referral.adapters.persistence.People;
import org.opendsr.referral.adapters.persistence.PersonRow;
import org.opendsr.referral.adapters.persistence.ReferralRow;
import org.opendsr.referral.adapters.persistence.Referrals;
import org.opendsr.referral.adapters.persistence.RegisterEntries;
import org.opendsr.referral.adapters.persistence.RegisterEntryRow;
import org.opendsr.referral.domain.AccessPurpose;
import org.opendsr.referral.domain.AgeAtDate;
import org.opendsr.referral.domain.ConsentForTheRegister;
import org.opendsr.referral.domain.EligibilityChecklist;
import org.opendsr.referral.domain.ReferralLifecycle;
import org.opendsr.referral.domain.ReferralStatus;
import org.opendsr.referral.domain.RegisterEntry;
import org.opendsr.referral.domain.RuleBroken;

/**
 * The DSR team's decision on a contacted referral, with the criteria checklist. Acceptance also needs active
 * consent (as consent-service last reported it) and puts the person on the register; a person has at most one open
 * register entry. A decline carries its reason, and the event lets the referrer be told.
 */
@Singleton
public class DecidingReferrals {

    /** Accepting: the checklist, and who is responsible (the professional referrer unless someone is named). */
    public record Acceptance(EligibilityChecklist checklist, @Nullable String responsibleProfessional) {
    }

    /** Declining: the reason, the checklist, and notes for the record. */
    public record Declinal(DeclineReason reason, EligibilityChecklist checklist, @Nullable String notes) {
        @Override
        public String toString() {
            return "Declinal[" + reason + ", notes redacted]";
        }
    }

    private final ReferralsInProgress inProgress;
    private final Referrals referrals;
    private final People people;
    private final RegisterEntries registerEntries;
    private final EligibilityAssessments assessments;
    private final ConsentStandings consent;
    private final Outbox outbox;
    private final RecordAccess access;
    private final Clock clock;

    public DecidingReferrals(ReferralsInProgress inProgress, Referrals referrals, People people,
                             RegisterEntries registerEntries, EligibilityAssessments assessments,
                             ConsentStandings consent, Outbox outbox, RecordAccess access, Clock clock) {
        this.inProgress = inProgress;
        this.referrals = referrals;
        this.people = people;
        this.registerEntries = registerEntries;
        this.assessments = assessments;
        this.consent = consent;
        this.outbox = outbox;
        this.access = access;
        this.clock = clock;
    }

    @Transactional
    public ReferralOutcome accept(UUID referralId, Acceptance acceptance, Caller caller, AccessPurpose purpose) {
        Instant now = Now.of(clock);
        ReferralRow referral = inProgress.lockedForChange(referralId);
        ReferralLifecycle.check(ReferralStatus.valueOf(referral.status()), ReferralStatus.ACCEPTED, referral.complete());
        acceptance.checklist().checkAllowsAcceptance();
        ConsentForTheRegister.checkAllowsAcceptance(consent.findById(referral.personId())
                .map(standing -> ConsentStatus.valueOf(standing.status())));
        registerEntries.findOpenEntryOf(referral.personId()).ifPresent(open -> {
            throw new RuleBroken("already-on-register", "The person is already on the register",
                    "a person has at most one open register entry (registerEntryId " + open.id()
                            + "); decline or withdraw this referral instead");
        });

        String responsible = acceptance.responsibleProfessional() != null ? acceptance.responsibleProfessional()
                : ReferralRoute.PROFESSIONAL.name().equals(referral.route()) ? referral.referredBy() : null;
        RegisterEntry entry = RegisterEntry.open(UUID.randomUUID(), referral.personId(), referral.id(), now, responsible);
        registerEntries.save(RegisterEntryRow.of(entry, null, null));
        record(referral, acceptance.checklist(), caller, now);
        referrals.close(referral.id(), ReferralStatus.ACCEPTED.name(), now, caller.userId(), null, null, null);

        PersonRow person = people.findById(referral.personId()).orElseThrow();
        AgeAtDate age = AgeAtDate.of(person.dateOfBirth(), LocalDate.now(clock));
        outbox.append("referral", person.id(), EventTypes.REFERRAL_ACCEPTED_V1, new ReferralAccepted(referral.id(),
                person.id(), entry.id(), now, person.locality(), age.band(), age.lifeStage(),
                person.diagnosis() == null ? null : Diagnosis.valueOf(person.diagnosis()), entry.isAllocated()));
        if (entry.isAllocated()) {
            outbox.append("register", person.id(), EventTypes.REGISTER_RESPONSIBILITY_CHANGED_V1,
                    new ResponsibilityChanged(entry.id(), person.id(), ResponsibilityChange.ALLOCATED, responsible, now));
        }
        access.audit(person.id(), caller.asActor(), AuditAction.CHANGED, "referral " + referral.id()
                + " accepted; on the register", purpose, now);
        return new ReferralOutcome(referral.id(), person.id(), ReferralStatus.ACCEPTED, now,
                referral.firstContactDueOn(), null, entry.id());
    }

    @Transactional
    public ReferralOutcome decline(UUID referralId, Declinal declinal, Caller caller, AccessPurpose purpose) {
        Instant now = Now.of(clock);
        ReferralRow referral = inProgress.lockedForChange(referralId);
        ReferralLifecycle.check(ReferralStatus.valueOf(referral.status()), ReferralStatus.DECLINED, referral.complete());
        declinal.checklist().checkSupportsDecline(declinal.reason());

        record(referral, declinal.checklist(), caller, now);
        referrals.close(referral.id(), ReferralStatus.DECLINED.name(), now, caller.userId(), declinal.reason().name(),
                null, declinal.notes());
        outbox.append("referral", referral.personId(), EventTypes.REFERRAL_DECLINED_V1, new ReferralDeclined(
                referral.id(), referral.personId(), now, declinal.reason(), referral.referredBy()));
        access.audit(referral.personId(), caller.asActor(), AuditAction.CHANGED, "referral " + referral.id()
                + " declined", purpose, now);
        return new ReferralOutcome(referral.id(), referral.personId(), ReferralStatus.DECLINED, now,
                referral.firstContactDueOn(), null, null);
    }

    private void record(ReferralRow referral, EligibilityChecklist checklist, Caller caller, Instant now) {
        assessments.save(new EligibilityAssessmentRow(referral.id(), checklist.learningDisabilityOrAutism(),
                checklist.atRiskOfAdmissionOrPlacementBreakdown(), checklist.livesInIcbArea(), caller.userId(), now));
    }
}
