package org.opendsr.referral.audit.adapters.messaging;

import io.micronaut.configuration.kafka.annotation.Topic;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.Topics;
import org.opendsr.contracts.gateway.AccessRecorded;
import org.opendsr.kit.messaging.DsrEventListener;
import org.opendsr.kit.messaging.DsrTopicListener;
import org.opendsr.kit.messaging.EventHandlers;
import org.opendsr.kit.messaging.InboundEvents;
import org.opendsr.referral.audit.application.RecordingGatewayAccess;
import org.opendsr.referral.audit.application.RecordingGatewayAccess.ApiCall;

/**
 * The gateway's access records into the audit trail. Idempotent twice over: the kit skips an event id it has
 * processed, and the trail writes an entry per record id once ({@code source_id} is unique).
 */
@DsrEventListener(groupId = GatewayAccessListener.GROUP)
@Topic(Topics.GATEWAY_ACCESS)
public class GatewayAccessListener extends DsrTopicListener {

    static final String GROUP = "referral-service.gateway-access";

    public GatewayAccessListener(InboundEvents inbound, RecordingGatewayAccess access) {
        super(inbound, EventHandlers.forConsumer(GROUP)
                .on(EventTypes.GATEWAY_ACCESS_RECORDED_V1, AccessRecorded.class, event -> {
                    AccessRecorded call = event.payload();
                    access.recorded(new ApiCall(event.id(), call.subject(), call.roles(), call.method(), call.path(),
                            call.personId(), call.status(), call.occurredAt(), call.correlationId()));
                })
                .build());
    }
}
