package org.opendsr.consent.adapters.messaging;

import io.micronaut.configuration.kafka.annotation.Topic;
import org.opendsr.consent.application.FollowingPersonLifecycle;
import org.opendsr.consent.application.KnowingPeople;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.Topics;
import org.opendsr.contracts.access.CareTeamChanged;
import org.opendsr.contracts.lifecycle.PersonErased;
import org.opendsr.contracts.lifecycle.PersonMerged;
import org.opendsr.contracts.lifecycle.ProcessingRestricted;
import org.opendsr.contracts.referral.PersonRemovedFromRegister;
import org.opendsr.contracts.referral.PersonTurned16;
import org.opendsr.contracts.referral.PersonTurned18;
import org.opendsr.contracts.referral.PersonTurning18;
import org.opendsr.contracts.referral.ReferralAccepted;
import org.opendsr.contracts.referral.ReferralDeclined;
import org.opendsr.contracts.referral.ReferralReceived;
import org.opendsr.contracts.referral.ReferralWithdrawn;
import org.opendsr.kit.access.CareTeams;
import org.opendsr.kit.lifecycle.ProcessingRestrictions;
import org.opendsr.kit.messaging.DsrEventListener;
import org.opendsr.kit.messaging.DsrTopicListener;
import org.opendsr.kit.messaging.EventHandlers;
import org.opendsr.kit.messaging.InboundEvents;

/**
 * consent-service's view of referral-service's events: who people are (by id), the outcome of their referrals,
 * the month in which they turn 18 (and the old day-precise announcement, from older records), their leaving the
 * register, and their care teams (who may see and change their consents, kept in the kit's care team tables, which
 * every need-to-know decision here reads); their erasure, merge into another record and restriction of processing
 * (issue 16). Other types on the topic are skipped.
 */
@DsrEventListener(groupId = ReferralEventsListener.GROUP)
@Topic(Topics.REFERRAL_EVENTS)
public class ReferralEventsListener extends DsrTopicListener {

    static final String GROUP = "consent-service";

    public ReferralEventsListener(InboundEvents inbound, KnowingPeople people, CareTeams careTeams,
                                  FollowingPersonLifecycle lifecycle, ProcessingRestrictions restrictions) {
        super(inbound, EventHandlers.forConsumer(GROUP)
                .on(EventTypes.REFERRAL_RECEIVED_V1, ReferralReceived.class, people::referralReceived)
                .on(EventTypes.REFERRAL_ACCEPTED_V1, ReferralAccepted.class, people::referralAccepted)
                .on(EventTypes.REFERRAL_DECLINED_V1, ReferralDeclined.class, people::referralDeclined)
                .on(EventTypes.REFERRAL_WITHDRAWN_V1, ReferralWithdrawn.class, people::referralWithdrawn)
                .on(EventTypes.PERSON_TURNING_18_V1, PersonTurning18.class, people::personTurning18)
                .on(EventTypes.PERSON_TURNED_18_V1, PersonTurned18.class, people::personTurned18)
                .on(EventTypes.PERSON_TURNED_16_V1, PersonTurned16.class, people::personTurned16)
                .on(EventTypes.REGISTER_PERSON_REMOVED_V1, PersonRemovedFromRegister.class,
                        people::personRemovedFromRegister)
                .on(EventTypes.PERSON_CARE_TEAM_CHANGED_V1, CareTeamChanged.class, careTeams::follow)
                .on(EventTypes.PERSON_ERASED_V1, PersonErased.class, lifecycle::personErased)
                .on(EventTypes.PERSON_MERGED_V1, PersonMerged.class, lifecycle::personMerged)
                .on(EventTypes.PERSON_PROCESSING_RESTRICTED_V1, ProcessingRestricted.class, restrictions::follow)
                .build());
    }
}
