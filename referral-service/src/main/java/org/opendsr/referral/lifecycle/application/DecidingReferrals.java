package org.opendsr.referral.lifecycle.application;

import org.opendsr.referral.careteam.application.KeepingCareTeams;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.contracts.EventTypes;
import org.opendsr.referral.audit.application.Actor;
import org.opendsr.contracts.common.Diagnosis;
import org.opendsr.referral.person.domain.EthnicCategory;
import org.opendsr.contracts.referral.DeclineReason;
import org.opendsr.contracts.referral.ReferralAccepted;
import org.opendsr.contracts.referral.ReferralDeclined;
import org.opendsr.contracts.referral.ResponsibilityChange;
import org.opendsr.contracts.referral.ResponsibilityChanged;
import org.opendsr.kit.ports.EventOutbox;
import org.opendsr.referral.lifecycle.domain.ConsentStanding;
import org.opendsr.referral.lifecycle.domain.ConsentStandings;
import org.opendsr.referral.lifecycle.domain.EligibilityAssessment;
import org.opendsr.referral.lifecycle.domain.EligibilityAssessments;
import org.opendsr.referral.person.domain.People;
import org.opendsr.referral.person.domain.Person;
import org.opendsr.referral.register.domain.RegisterChange;
import org.opendsr.referral.register.domain.RegisterEntries;
import org.opendsr.referral.access.domain.AccessPurpose;
import org.opendsr.referral.person.domain.AgeAtDate;
import org.opendsr.referral.register.domain.ConsentForTheRegister;
import org.opendsr.referral.lifecycle.domain.EligibilityChecklist;
import org.opendsr.referral.lifecycle.domain.Referral;
import org.opendsr.referral.lifecycle.domain.ReferralChange;
import org.opendsr.referral.lifecycle.domain.Referrals;
import org.opendsr.referral.lifecycle.domain.ReferralStatus;
import org.opendsr.referral.register.domain.RegisterEntry;
import org.opendsr.referral.audit.application.AuditAction;
import org.opendsr.kit.access.Caller;
import org.opendsr.referral.shared.application.Now;
import org.opendsr.referral.access.application.RecordAccess;

/**
 * The DSR team's decision on a contacted referral, with the criteria checklist. Acceptance also needs active
 * consent (as consent-service last reported it) and puts the person on the register; a person has at most one open
 * register entry. A decline carries its reason. Either way the referrer's outcome message is queued in the same
 * transaction ({@link TellingTheReferrer}), so a decision is never recorded without it.
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
    private final EventOutbox outbox;
    private final RecordAccess access;
    private final KeepingCareTeams careTeams;
    private final TellingTheReferrer referrers;
    private final Clock clock;

    public DecidingReferrals(ReferralsInProgress inProgress, Referrals referrals, People people,
                             RegisterEntries registerEntries, EligibilityAssessments assessments,
                             ConsentStandings consent, EventOutbox outbox, RecordAccess access, KeepingCareTeams careTeams,
                             TellingTheReferrer referrers, Clock clock) {
        this.referrers = referrers;
        this.careTeams = careTeams;
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
        Referral referral = inProgress.lockedForChange(referralId);
        access.requireManages(referral.personId(), caller, "The referral");
        ReferralChange.Accepted accepted = referral.accept(acceptance.checklist(),
                acceptance.responsibleProfessional(), now, caller.userId());
        ConsentForTheRegister.checkAllowsAcceptance(consent.of(referral.personId())
                .map(ConsentStanding::status));
        String responsible = accepted.responsibleProfessional();
        RegisterChange.Opened opened = RegisterEntry.open(UUID.randomUUID(), referral.personId(), referral.id(), now,
                responsible, registerEntries.openEntryOf(referral.personId()));
        registerEntries.save(opened);
        RegisterEntry entry = opened.entry();
        record(referral, acceptance.checklist(), caller, now);
        referrals.save(referral);
        careTeams.follow(referral.personId(), caller.userId());

        Person person = people.byId(referral.personId()).orElseThrow();
        AgeAtDate age = AgeAtDate.of(person.dateOfBirth(), LocalDate.now(clock));
        outbox.append("referral", person.id(), EventTypes.REFERRAL_ACCEPTED_V1, new ReferralAccepted(referral.id(),
                person.id(), entry.id(), now, person.locality(), age.band(), age.lifeStage(),
                person.diagnosis() == null ? null : Diagnosis.valueOf(person.diagnosis()), entry.isAllocated(),
                EthnicCategory.ofCode(person.ethnicCategory()).map(EthnicCategory::onEvents).orElse(null)));
        if (entry.isAllocated()) {
            outbox.append("register", person.id(), EventTypes.REGISTER_RESPONSIBILITY_CHANGED_V1,
                    new ResponsibilityChanged(entry.id(), person.id(), ResponsibilityChange.ALLOCATED, responsible, now));
        }
        access.audit(person.id(), Actor.of(caller), AuditAction.CHANGED, "referral " + referral.id()
                + " accepted; on the register", purpose, now);
        referrers.decided(referral);
        return new ReferralOutcome(referral.id(), person.id(), ReferralStatus.ACCEPTED, now,
                referral.firstContactDueOn(), null, entry.id());
    }

    @Transactional
    public ReferralOutcome decline(UUID referralId, Declinal declinal, Caller caller, AccessPurpose purpose) {
        Instant now = Now.of(clock);
        Referral referral = inProgress.lockedForChange(referralId);
        access.requireManages(referral.personId(), caller, "The referral");
        ReferralChange.Declined declined = referral.decline(declinal.reason(), declinal.checklist(), declinal.notes(),
                now, caller.userId());

        record(referral, declinal.checklist(), caller, now);
        referrals.save(referral);
        careTeams.follow(referral.personId(), caller.userId());
        outbox.append("referral", referral.personId(), EventTypes.REFERRAL_DECLINED_V1, new ReferralDeclined(
                referral.id(), referral.personId(), now, declined.reason(), declined.referredBy()));
        access.audit(referral.personId(), Actor.of(caller), AuditAction.CHANGED, "referral " + referral.id()
                + " declined", purpose, now);
        referrers.decided(referral);
        return new ReferralOutcome(referral.id(), referral.personId(), ReferralStatus.DECLINED, now,
                referral.firstContactDueOn(), null, null);
    }

    private void record(Referral referral, EligibilityChecklist checklist, Caller caller, Instant now) {
        assessments.add(new EligibilityAssessment(referral.id(), checklist, caller.userId(), now));
    }
}
