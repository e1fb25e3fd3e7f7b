package org.opendsr.referral.adapters.messaging;

import static org.opendsr.referral.adapters.messaging.HandlerRefusals.deadLetteringRefusals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.Topics;
import org.opendsr.contracts.agency.AgencyAddressChanged;
import org.opendsr.contracts.agency.AgencyAdmissionReported;
import org.opendsr.contracts.agency.AgencyContactDetailsChanged;
import org.opendsr.contracts.agency.AgencyDischargeReported;
import org.opendsr.contracts.agency.AgencyReferralSubmitted;
import org.opendsr.kit.messaging.DsrEventListener;
import org.opendsr.kit.messaging.EventHandlers;
import org.opendsr.kit.messaging.InboundEvents;
import org.opendsr.referral.application.ApplyingAgencyUpdates;
import org.opendsr.referral.application.ReceivingReferrals;

/**
 * The gate through which agency systems' events enter the DSR ({@code dsr.agency.inbound}, the only topic that
 * carries personal data). The kit checks each event against its published schema, ignores a re-sent event id, and
 * dead-letters what can never succeed; referral-service checks the NHS number, matches it to a person, and
 * re-publishes internal events keyed by personId.
 */
@DsrEventListener(groupId = AgencyInboundListener.GROUP)
public class AgencyInboundListener {

    static final String GROUP = "referral-service.agency-inbound";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final InboundEvents inbound;
    private final ReceivingReferrals receiving;
    private final ApplyingAgencyUpdates updates;

    public AgencyInboundListener(InboundEvents inbound, ReceivingReferrals receiving, ApplyingAgencyUpdates updates) {
        this.inbound = inbound;
        this.receiving = receiving;
        this.updates = updates;
    }

    @Topic(Topics.AGENCY_INBOUND)
    void receive(ConsumerRecord<String, byte[]> record) {
        inbound.process(record, handlersFor(sourceOf(record.value())));
    }

    /**
     * The handlers for one record, knowing which agency system sent it (the kit hands handlers the payload, not the
     * CloudEvents source, so it is read here; the kit dead-letters a record without a valid source before any handler
     * runs).
     */
    private EventHandlers handlersFor(String agency) {
        return EventHandlers.forConsumer(GROUP)
                .on(EventTypes.AGENCY_REFERRAL_SUBMITTED_V1, AgencyReferralSubmitted.class,
                        deadLetteringRefusals(event -> receiving.receiveAgencyReferral(event.payload(), agency)))
                .on(EventTypes.AGENCY_ADDRESS_CHANGED_V1, AgencyAddressChanged.class,
                        deadLetteringRefusals(event -> updates.addressChanged(event.payload(), agency)))
                .on(EventTypes.AGENCY_CONTACT_DETAILS_CHANGED_V1, AgencyContactDetailsChanged.class,
                        deadLetteringRefusals(event -> updates.contactDetailsChanged(event.payload(), agency)))
                .on(EventTypes.AGENCY_ADMISSION_REPORTED_V1, AgencyAdmissionReported.class,
                        deadLetteringRefusals(event -> updates.admissionReported(event.payload(), agency)))
                .on(EventTypes.AGENCY_DISCHARGE_REPORTED_V1, AgencyDischargeReported.class,
                        deadLetteringRefusals(event -> updates.dischargeReported(event.payload(), agency)))
                .build();
    }

    static String sourceOf(byte[] value) {
        try {
            JsonNode source = value == null ? null : JSON.readTree(value).get("source");
            return source != null && source.isTextual() ? source.asText() : "/agency/unknown";
        } catch (Exception unreadable) {
            return "/agency/unknown";
        }
    }
}
