package org.opendsr.referral.intake.adapters.messaging;

import io.micronaut.configuration.kafka.annotation.Topic;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.Topics;
import org.opendsr.contracts.agency.AgencyAddressChanged;
import org.opendsr.contracts.agency.AgencyAdmissionReported;
import org.opendsr.contracts.agency.AgencyContactDetailsChanged;
import org.opendsr.contracts.agency.AgencyDischargeReported;
import org.opendsr.contracts.agency.AgencyReferralSubmitted;
import org.opendsr.kit.messaging.DsrEventListener;
import org.opendsr.kit.messaging.DsrTopicListener;
import org.opendsr.kit.messaging.EventHandlers;
import org.opendsr.kit.messaging.InboundEvents;
import org.opendsr.referral.person.application.ApplyingAgencyUpdates;
import org.opendsr.referral.intake.application.ReceivingReferrals;

/**
 * The gate through which agency systems' events enter the DSR ({@code dsr.agency.inbound}, the only topic that
 * carries personal data). The kit checks each event against its published schema, ignores a re-sent event id, and
 * dead-letters what can never succeed; referral-service checks the NHS number, matches it to a person, and
 * re-publishes internal events keyed by personId.
 */
@DsrEventListener(groupId = AgencyInboundListener.GROUP)
@Topic(Topics.AGENCY_INBOUND)
public class AgencyInboundListener extends DsrTopicListener {

    static final String GROUP = "referral-service.agency-inbound";

    /** Each handler knows which agency system sent its event from the event's CloudEvents source. */
    public AgencyInboundListener(InboundEvents inbound, ReceivingReferrals receiving, ApplyingAgencyUpdates updates) {
        super(inbound, EventHandlers.forConsumer(GROUP)
                .on(EventTypes.AGENCY_REFERRAL_SUBMITTED_V1, AgencyReferralSubmitted.class,
                        event -> receiving.receiveAgencyReferral(event.payload(), event.source()))
                .on(EventTypes.AGENCY_ADDRESS_CHANGED_V1, AgencyAddressChanged.class,
                        event -> updates.addressChanged(event.payload(), event.source()))
                .on(EventTypes.AGENCY_CONTACT_DETAILS_CHANGED_V1, AgencyContactDetailsChanged.class,
                        event -> updates.contactDetailsChanged(event.payload(), event.source()))
                .on(EventTypes.AGENCY_ADMISSION_REPORTED_V1, AgencyAdmissionReported.class,
                        event -> updates.admissionReported(event.payload(), event.source()))
                .on(EventTypes.AGENCY_DISCHARGE_REPORTED_V1, AgencyDischargeReported.class,
                        event -> updates.dischargeReported(event.payload(), event.source()))
                // Agency systems outside the DSR publish here: a type we do not know is their mistake (a misspelling,
                // a version we do not take yet) and must reach the dead-letter topic, not vanish.
                .deadLetterUnknownTypes()
                .build());
    }
}
