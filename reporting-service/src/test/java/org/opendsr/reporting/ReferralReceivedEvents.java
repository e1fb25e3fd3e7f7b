package org.opendsr.reporting;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.common.AgeBand;
import org.opendsr.kit.messaging.CloudEventCodec;

/**
 * {@code dsr.referral.received.v1} events as referral-service publishes them: the golden sample's data with the
 * values a test needs, wrapped in a CloudEvent by the kit's codec.
 */
public final class ReferralReceivedEvents {

    public static final String GOLDEN_SAMPLE = "dsr/samples/dsr.referral.received.v1.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode data;
    private final String eventId = UUID.randomUUID().toString();
    private final UUID personId;

    private ReferralReceivedEvents(UUID personId) {
        this.personId = personId;
        this.data = (ObjectNode) goldenSample().get("data").deepCopy();
        data.put("referralId", UUID.randomUUID().toString());
        data.put("personId", personId.toString());
    }

    /** A referral of the person, otherwise as in the golden sample (professional, Swindon, 14 to 17, AMBER). */
    public static ReferralReceivedEvents aReferralOf(UUID personId) {
        return new ReferralReceivedEvents(personId);
    }

    public ReferralReceivedEvents receivedAt(Instant instant) {
        data.put("receivedAt", instant.toString());
        return this;
    }

    public ReferralReceivedEvents receivedAt(String instant) {
        return receivedAt(Instant.parse(instant));
    }

    public ReferralReceivedEvents inLocality(String locality) {
        data.put("locality", locality);
        return this;
    }

    public ReferralReceivedEvents byRoute(String route) {
        data.put("route", route);
        return this;
    }

    public ReferralReceivedEvents aged(AgeBand band) {
        data.put("ageBand", band.name());
        // The bands split at 18, so the band says whether the person is a child.
        data.put("lifeStage", band.ordinal() < AgeBand.AGE_18_TO_24.ordinal() ? "CHILD" : "ADULT");
        return this;
    }

    /** The CloudEvent, as the record value on dsr.referral.events. */
    public byte[] toCloudEvent() {
        try {
            return CloudEventCodec.write(new CloudEventCodec.OutgoingEvent(eventId, EventTypes.REFERRAL_RECEIVED_V1,
                    personId.toString(), Instant.now(), JSON.writeValueAsBytes(data), null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The golden sample exactly as published in the contracts module. */
    public static byte[] goldenSampleBytes() {
        try (InputStream in = ReferralReceivedEvents.class.getClassLoader().getResourceAsStream(GOLDEN_SAMPLE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + GOLDEN_SAMPLE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode goldenSample() {
        try {
            return JSON.readTree(new String(goldenSampleBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
