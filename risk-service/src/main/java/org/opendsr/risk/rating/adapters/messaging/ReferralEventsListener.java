package org.opendsr.risk.rating.adapters.messaging;

import io.micronaut.configuration.kafka.annotation.Topic;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.Topics;
import org.opendsr.contracts.access.CareTeamChanged;
import org.opendsr.contracts.lifecycle.PersonErased;
import org.opendsr.contracts.lifecycle.PersonMerged;
import org.opendsr.contracts.lifecycle.ProcessingRestricted;
import org.opendsr.contracts.referral.AdmissionReported;
import org.opendsr.contracts.referral.DischargeReported;
import org.opendsr.contracts.referral.PersonRemovedFromRegister;
import org.opendsr.contracts.referral.PersonTurned18;
import org.opendsr.contracts.referral.PersonTurning18;
import org.opendsr.contracts.referral.ReferralAccepted;
import org.opendsr.contracts.referral.ReferralReceived;
import org.opendsr.kit.access.CareTeams;
import org.opendsr.kit.lifecycle.ProcessingRestrictions;
import org.opendsr.kit.lifecycle.MergedPeople;
import org.opendsr.kit.messaging.DsrEventListener;
import org.opendsr.kit.messaging.DsrTopicListener;
import org.opendsr.kit.messaging.EventHandlers;
import org.opendsr.kit.messaging.InboundEvents;
import org.opendsr.risk.rating.application.FollowingReferrals;
import org.opendsr.risk.shared.application.FollowingPersonLifecycle;

/**
 * risk-service's view of referral-service's events: who is referred (with the indicative rating) and on the register,
 * the month someone turns 18 (and the retired turned-18 from older records), who left, admissions and discharges agencies reported, and care teams (who may see and change ratings,
 * kept in the kit's care team tables every need-to-know decision here reads), and a person's erasure, merge into
 * another record and restriction of processing (issue 16). Every handler's access decision is the
 * same: the events come from referral-service over its own topic (the only writer the broker's ACLs allow), and they
 * act as the system, recorded on the audit trail with the reporting agency. Other types on the topic are skipped.
 */
@DsrEventListener(groupId = ReferralEventsListener.GROUP)
@Topic(Topics.REFERRAL_EVENTS)
public class ReferralEventsListener extends DsrTopicListener {

    static final String GROUP = "risk-service";

    public ReferralEventsListener(InboundEvents inbound, MergedPeople merged,
                                  FollowingReferrals referrals, CareTeams careTeams,
                                  FollowingPersonLifecycle lifecycle, ProcessingRestrictions restrictions) {
        // An event about a duplicate merged since (issue 16) is applied to the survivor: MergedPeople.resolving.
        super(inbound, EventHandlers.forConsumer(GROUP)
                .on(EventTypes.REFERRAL_RECEIVED_V1, ReferralReceived.class, referrals::referralReceived)
                .on(EventTypes.REFERRAL_ACCEPTED_V1, ReferralAccepted.class,
                        merged.resolving(ReferralAccepted.class, referrals::referralAccepted))
                .on(EventTypes.REGISTER_PERSON_REMOVED_V1, PersonRemovedFromRegister.class,
                        merged.resolving(PersonRemovedFromRegister.class, referrals::personRemoved))
                .on(EventTypes.PERSON_TURNING_18_V1, PersonTurning18.class,
                        merged.resolving(PersonTurning18.class, referrals::personTurning18))
                .on(EventTypes.PERSON_TURNED_18_V1, PersonTurned18.class,
                        merged.resolving(PersonTurned18.class, referrals::personTurned18))
                .on(EventTypes.PERSON_ADMISSION_REPORTED_V1, AdmissionReported.class,
                        merged.resolving(AdmissionReported.class, referrals::admissionReported))
                .on(EventTypes.PERSON_DISCHARGE_REPORTED_V1, DischargeReported.class,
                        merged.resolving(DischargeReported.class, referrals::dischargeReported))
                .on(EventTypes.PERSON_CARE_TEAM_CHANGED_V1, CareTeamChanged.class, careTeams::follow)
                .on(EventTypes.PERSON_ERASED_V1, PersonErased.class, lifecycle::personErased)
                .on(EventTypes.PERSON_MERGED_V1, PersonMerged.class, lifecycle::personMerged)
                .on(EventTypes.PERSON_PROCESSING_RESTRICTED_V1, ProcessingRestricted.class, restrictions::follow)
                .build());
    }
}
