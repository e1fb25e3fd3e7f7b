package org.opendsr.meeting.shared.adapters.messaging;

import io.micronaut.configuration.kafka.annotation.Topic;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.Topics;
import org.opendsr.contracts.access.CareTeamChanged;
import org.opendsr.contracts.lifecycle.PersonErased;
import org.opendsr.contracts.lifecycle.PersonMerged;
import org.opendsr.contracts.lifecycle.ProcessingRestricted;
import org.opendsr.contracts.referral.PersonMoved;
import org.opendsr.contracts.referral.PersonRemovedFromRegister;
import org.opendsr.contracts.referral.PersonTurned18;
import org.opendsr.contracts.referral.PersonTurning18;
import org.opendsr.contracts.referral.ReferralAccepted;
import org.opendsr.contracts.referral.ReferralDeclined;
import org.opendsr.contracts.referral.ReferralReceived;
import org.opendsr.contracts.referral.ReferralWithdrawn;
import org.opendsr.kit.access.CareTeams;
import org.opendsr.kit.lifecycle.ProcessingRestrictions;
import org.opendsr.kit.lifecycle.MergedPeople;
import org.opendsr.kit.messaging.DsrEventListener;
import org.opendsr.kit.messaging.DsrTopicListener;
import org.opendsr.kit.messaging.EventHandlers;
import org.opendsr.kit.messaging.InboundEvents;
import org.opendsr.meeting.shared.application.FollowingPersonLifecycle;
import org.opendsr.meeting.shared.application.FollowingTheRegister;

/**
 * meeting-service's view of referral-service's events: who is referred, accepted, moved, turns 18 (the month,
 * announced ahead; the retired turned-18 from older records) or left the register (for agendas), and care teams (who
 * may see a person's meetings, in the kit's care team tables every need-to-know decision here reads), and a person's
 * erasure, merge into another record and restriction of processing (issue 16). Other types on the topic are skipped.
 */
@DsrEventListener(groupId = ReferralEventsListener.GROUP)
@Topic(Topics.REFERRAL_EVENTS)
public class ReferralEventsListener extends DsrTopicListener {

    static final String GROUP = "meeting-service.referral-events";

    public ReferralEventsListener(InboundEvents inbound, MergedPeople merged,
                                  FollowingTheRegister register, CareTeams careTeams,
                                  FollowingPersonLifecycle lifecycle, ProcessingRestrictions restrictions) {
        // An event about a duplicate merged since (issue 16) is applied to the survivor: MergedPeople.resolving.
        super(inbound, EventHandlers.forConsumer(GROUP)
                .on(EventTypes.REFERRAL_RECEIVED_V1, ReferralReceived.class, register::referralReceived)
                .on(EventTypes.REFERRAL_ACCEPTED_V1, ReferralAccepted.class,
                        merged.resolving(ReferralAccepted.class, register::referralAccepted))
                .on(EventTypes.REFERRAL_DECLINED_V1, ReferralDeclined.class,
                        merged.resolving(ReferralDeclined.class, register::referralDeclined))
                .on(EventTypes.REFERRAL_WITHDRAWN_V1, ReferralWithdrawn.class,
                        merged.resolving(ReferralWithdrawn.class, register::referralWithdrawn))
                .on(EventTypes.REGISTER_PERSON_REMOVED_V1, PersonRemovedFromRegister.class,
                        merged.resolving(PersonRemovedFromRegister.class, register::personRemoved))
                .on(EventTypes.PERSON_MOVED_V1, PersonMoved.class,
                        merged.resolving(PersonMoved.class, register::personMoved))
                .on(EventTypes.PERSON_TURNING_18_V1, PersonTurning18.class,
                        merged.resolving(PersonTurning18.class, register::personTurning18))
                .on(EventTypes.PERSON_TURNED_18_V1, PersonTurned18.class,
                        merged.resolving(PersonTurned18.class, register::personTurned18))
                .on(EventTypes.PERSON_CARE_TEAM_CHANGED_V1, CareTeamChanged.class, careTeams::follow)
                .on(EventTypes.PERSON_ERASED_V1, PersonErased.class, lifecycle::personErased)
                .on(EventTypes.PERSON_MERGED_V1, PersonMerged.class, lifecycle::personMerged)
                .on(EventTypes.PERSON_PROCESSING_RESTRICTED_V1, ProcessingRestricted.class, restrictions::follow)
                .build());
    }
}
