package org.opendsr.referral.intake.adapters.messaging;

import io.micronaut.configuration.kafka.annotation.Topic;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.Topics;
import org.opendsr.contracts.agency.AgencyAddressChanged;
import org.opendsr.contracts.agency.AgencyAddressChangedV2;
import org.opendsr.contracts.agency.AgencyAdmissionReported;
import org.opendsr.contracts.agency.AgencyAdmissionReportedV2;
import org.opendsr.contracts.agency.AgencyContactDetailsChanged;
import org.opendsr.contracts.agency.AgencyContactDetailsChangedV2;
import org.opendsr.contracts.agency.AgencyDischargeReported;
import org.opendsr.contracts.agency.AgencyDischargeReportedV2;
import org.opendsr.contracts.agency.AgencyReferralSubmitted;
import org.opendsr.kit.messaging.DsrEventListener;
import org.opendsr.kit.messaging.DsrTopicListener;
import org.opendsr.kit.messaging.EventHandler;
import org.opendsr.kit.messaging.EventHandlers;
import org.opendsr.kit.messaging.InboundEvents;
import org.opendsr.kit.messaging.ReceivedEvent;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.referral.intake.application.ReceivingReferrals;
import org.opendsr.referral.intake.application.RegisteredAgencies;
import org.opendsr.referral.person.application.ApplyingAgencyUpdates;
import org.opendsr.referral.shared.application.AgencySystem;

/**
 * The gate through which agency systems' events enter the DSR: every agency's own topic
 * ({@code dsr.agency.inbound.<agency-id>}, subscribed by pattern, so a newly registered agency's topic is picked up
 * at the consumer's next metadata refresh without a release). These are the only topics that carry personal data.
 * The kit checks each event against its published schema, ignores a re-sent event id, and dead-letters what can never
 * succeed to the agency's own {@code .dlt}, which that agency may read; referral-service takes the sender from the
 * topic ({@link RegisteredAgencies}), matches the person and re-publishes internal events keyed by personId.
 */
@DsrEventListener(groupId = AgencyInboundListener.GROUP)
@Topic(patterns = Topics.AGENCY_INBOUND_PATTERN)
public class AgencyInboundListener extends DsrTopicListener {

    static final String GROUP = "referral-service.agency-inbound";

    /** v1 updates carry no date of birth, and an NHS number alone must never be enough to change someone's record. */
    static final String V1_UPDATE_REFUSED = "type: v1 updates are no longer taken (no date of birth); send the v2 "
            + "of this type with dateOfBirth";

    public AgencyInboundListener(InboundEvents inbound, RegisteredAgencies agencies, ReceivingReferrals receiving,
                                 ApplyingAgencyUpdates updates) {
        super(inbound, EventHandlers.forConsumer(GROUP)
                .on(EventTypes.AGENCY_REFERRAL_SUBMITTED_V1, AgencyReferralSubmitted.class,
                        event -> receiving.receiveAgencyReferral(event.payload(), sender(agencies, event).source()))
                .on(EventTypes.AGENCY_ADDRESS_CHANGED_V2, AgencyAddressChangedV2.class,
                        event -> updates.addressChanged(event.payload(), sender(agencies, event)))
                .on(EventTypes.AGENCY_CONTACT_DETAILS_CHANGED_V2, AgencyContactDetailsChangedV2.class,
                        event -> updates.contactDetailsChanged(event.payload(), sender(agencies, event)))
                .on(EventTypes.AGENCY_ADMISSION_REPORTED_V2, AgencyAdmissionReportedV2.class,
                        event -> updates.admissionReported(event.payload(), sender(agencies, event)))
                .on(EventTypes.AGENCY_DISCHARGE_REPORTED_V2, AgencyDischargeReportedV2.class,
                        event -> updates.dischargeReported(event.payload(), sender(agencies, event)))
                .on(EventTypes.AGENCY_ADDRESS_CHANGED_V1, AgencyAddressChanged.class, refusedV1(agencies))
                .on(EventTypes.AGENCY_CONTACT_DETAILS_CHANGED_V1, AgencyContactDetailsChanged.class, refusedV1(agencies))
                .on(EventTypes.AGENCY_ADMISSION_REPORTED_V1, AgencyAdmissionReported.class, refusedV1(agencies))
                .on(EventTypes.AGENCY_DISCHARGE_REPORTED_V1, AgencyDischargeReported.class, refusedV1(agencies))
                // Agency systems outside the DSR publish here: a type we do not know is their mistake (a misspelling,
                // a version we do not take yet) and must reach the dead-letter topic, not vanish.
                .deadLetterUnknownTypes()
                .build());
    }

    /** Checked first for every event, before anything is looked up: nothing is done for a sender not proven. */
    private static AgencySystem sender(RegisteredAgencies agencies, ReceivedEvent<?> event) {
        return agencies.sender(event.topic(), event.source());
    }

    private static <T> EventHandler<T> refusedV1(RegisteredAgencies agencies) {
        return event -> {
            sender(agencies, event);
            throw RuleBroken.conflict("update-v1-refused", "v1 update refused", V1_UPDATE_REFUSED);
        };
    }
}
