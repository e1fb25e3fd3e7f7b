package org.opendsr.testkit.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.opendsr.contracts.EventCatalogue;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.Topics;
import org.opendsr.contracts.access.CareTeamMember;
import org.opendsr.contracts.access.CareTeamRole;
import org.opendsr.contracts.common.AgeBand;
import org.opendsr.contracts.common.LifeStage;
import org.opendsr.contracts.referral.RemovalReason;
import org.opendsr.testkit.RealKafka;

/**
 * Publishes referral-service's events as referral-service does, built from the golden samples of the event
 * contracts with fresh ids: what risk-service consumes is exactly what the contract shows.
 */
public final class ReferralEvents implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The professional who refers people in these tests: professional-1, the professional of every service's test API. */
    public static final String REFERRER = "professional-1";
    /** The area (locality) of the people referred: one of the test DSR team's areas. */
    public static final String AREA = "SWINDON";

    private static Instant lastChange = Instant.EPOCH;

    private final KafkaProducer<String, byte[]> producer;
    /** Each person's latest referral, for the outcome events that follow it. */
    private final Map<UUID, UUID> latestReferral = new ConcurrentHashMap<>();

    private final Clock clock;

    private ReferralEvents(KafkaProducer<String, byte[]> producer, Clock clock) {
        this.producer = producer;
        this.clock = clock;
    }

    /**
     * @param clock the service's clock: referral-service publishes on the same (moved) day the service lives in
     */
    public static ReferralEvents connect(Clock clock) {
        return new ReferralEvents(new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealKafka.get().bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer()), clock);
    }

    /** The golden sample of a type, as a CloudEvent about {@code personId} with a fresh id. */
    public static ObjectNode goldenSample(String type, UUID personId) {
        try (InputStream in = ReferralEvents.class.getClassLoader()
                .getResourceAsStream(EventCatalogue.of(type).sampleResource())) {
            ObjectNode event = (ObjectNode) JSON.readTree(in);
            event.put("id", UUID.randomUUID().toString());
            event.put("subject", personId.toString());
            event.put("time", Instant.now().toString());
            ((ObjectNode) event.get("data")).put("personId", personId.toString());
            return event;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A referral reached the DSR: risk-service learns of the person. */
    public UUID referred(LifeStage lifeStage, AgeBand ageBand) {
        UUID personId = UUID.randomUUID();
        referred(personId, lifeStage, ageBand, Instant.now());
        return personId;
    }

    public UUID referredAdult() {
        return referred(LifeStage.ADULT, AgeBand.AGE_25_TO_34);
    }

    /**
     * A referral of the person by {@link #REFERRER}; returns its referralId, which the outcome events below refer
     * to. As referral-service does, the referrer's care-team membership is published first (in {@link #AREA}), so
     * that once the referral has reached the service under test the referrer may act for the person.
     */
    public UUID referred(UUID personId, LifeStage lifeStage, AgeBand ageBand, Instant receivedAt) {
        return referred(personId, lifeStage, ageBand, receivedAt, null);
    }

    /**
     * As above, with the referrer's indicative rating (null for none). Whether the person was under 16 follows from
     * the band where it can ({@link AgeBand#isUnder16()}, or a band from 18); for the band 14-17, which straddles 16,
     * it is left out, as on a referral published before {@code under16} existed: say it with the overload below.
     */
    public UUID referred(UUID personId, LifeStage lifeStage, AgeBand ageBand, Instant receivedAt,
                         org.opendsr.contracts.common.RagRating indicative) {
        return referred(personId, lifeStage, ageBand, ageBand.straddles16() ? null : ageBand.isUnder16(), receivedAt,
                indicative);
    }

    /** A referral that says whether the person was under 16 (null: it does not say, as older referrals did not). */
    public UUID referred(UUID personId, LifeStage lifeStage, AgeBand ageBand, Boolean under16, Instant receivedAt,
                         org.opendsr.contracts.common.RagRating indicative) {
        referrerJoins(personId);
        UUID referralId = UUID.randomUUID();
        latestReferral.put(personId, referralId);
        send(personId, EventTypes.REFERRAL_RECEIVED_V1, data -> {
            data.put("referralId", referralId.toString());
            data.put("lifeStage", lifeStage.name());
            data.put("ageBand", ageBand.name());
            data.put("receivedAt", receivedAt.toString());
            if (under16 == null) {
                data.remove("under16");
            } else {
                data.put("under16", under16);
            }
            if (indicative == null) {
                data.putNull("indicativeRag");
            } else {
                data.put("indicativeRag", indicative.name());
            }
        });
        return referralId;
    }

    /** The person's latest referral was accepted: they are on the register. */
    public void accepted(UUID personId) {
        send(personId, EventTypes.REFERRAL_ACCEPTED_V1, data -> {
            data.put("referralId", latestReferralOf(personId).toString());
            data.put("registerEntryId", UUID.randomUUID().toString());
            data.put("acceptedAt", clock.instant().toString());
        });
    }

    /** Someone referred (an adult, unless said) with an indicative rating and accepted onto the register. */
    public UUID onRegister(org.opendsr.contracts.common.RagRating indicative) {
        return onRegister(LifeStage.ADULT, AgeBand.AGE_25_TO_34, indicative);
    }

    public UUID onRegister(LifeStage lifeStage, AgeBand ageBand, org.opendsr.contracts.common.RagRating indicative) {
        UUID personId = UUID.randomUUID();
        referred(personId, lifeStage, ageBand, clock.instant(), indicative);
        accepted(personId);
        return personId;
    }

    /** An agency reported, through referral-service, that the person was admitted on that day. */
    public void admitted(UUID personId, java.time.LocalDate on) {
        send(personId, EventTypes.PERSON_ADMISSION_REPORTED_V1, data -> {
            data.put("admittedOn", on.toString());
            data.put("reportedBy", "/agency/wiltshire-council");
        });
    }

    /** An agency reported, through referral-service, that the person was discharged on that day. */
    public void discharged(UUID personId, java.time.LocalDate on) {
        send(personId, EventTypes.PERSON_DISCHARGE_REPORTED_V1, data -> {
            data.put("dischargedOn", on.toString());
            data.put("reportedBy", "/agency/wiltshire-council");
        });
    }

    /** A referral of the person was declined. */
    public void declined(UUID personId, UUID referralId) {
        send(personId, EventTypes.REFERRAL_DECLINED_V1, data -> {
            data.put("referralId", referralId.toString());
            data.put("declinedAt", Instant.now().toString());
        });
    }

    public void declined(UUID personId) {
        declined(personId, latestReferralOf(personId));
    }

    /** The person's latest referral was withdrawn before an outcome. */
    public void withdrawn(UUID personId) {
        send(personId, EventTypes.REFERRAL_WITHDRAWN_V1, data -> {
            data.put("referralId", latestReferralOf(personId).toString());
            data.put("withdrawnAt", Instant.now().toString());
        });
    }

    /** The care team a referral by {@link #REFERRER} starts: the referrer alone, in {@link #AREA}. */
    public void referrerJoins(UUID personId) {
        careTeam(personId, AREA, member(REFERRER, CareTeamRole.REFERRER));
    }

    /** The person's whole care team as it now stands, as referral-service publishes it after any change. */
    public void careTeam(UUID personId, String area, CareTeamMember... members) {
        send(personId, EventTypes.PERSON_CARE_TEAM_CHANGED_V1, data -> {
            if (area == null) {
                data.putNull("area");
            } else {
                data.put("area", area);
            }
            ArrayNode team = data.putArray("members");
            for (CareTeamMember member : members) {
                ObjectNode row = team.addObject();
                row.put("membershipId", member.membershipId().toString());
                row.put("subject", member.subject());
                row.put("role", member.role().name());
                row.put("from", member.from().toString());
                if (member.to() != null) {
                    row.put("to", member.to().toString());
                }
            }
            data.put("changedAt", nextChange().toString());
        });
    }

    /** A membership in force from an hour ago (by the service's clock), without an end. */
    public CareTeamMember member(String subject, CareTeamRole role) {
        return new CareTeamMember(UUID.randomUUID(), subject, role, clock.instant().minus(Duration.ofHours(1)), null);
    }

    /** A break-glass read declared now, for four hours. */
    public CareTeamMember breakGlass(String subject) {
        Instant from = clock.instant().minus(Duration.ofMinutes(1));
        return new CareTeamMember(UUID.randomUUID(), subject, CareTeamRole.BREAK_GLASS, from,
                from.plus(Duration.ofHours(4)));
    }

    /** Each team published later than the last, as referral-service's are: an older team never replaces a newer. */
    private static synchronized Instant nextChange() {
        Instant now = Instant.now();
        lastChange = now.isAfter(lastChange) ? now : lastChange.plusMillis(1);
        return lastChange;
    }

    public UUID latestReferralOf(UUID personId) {
        UUID referralId = latestReferral.get(personId);
        if (referralId == null) {
            throw new IllegalStateException("no referral of " + personId + " was sent by this test");
        }
        return referralId;
    }

    /** PersonTurning18 for the month the service's clock is in, announced now. */
    public void turning18(UUID personId) {
        turning18(personId, java.time.YearMonth.from(clock.instant().atZone(java.time.ZoneId.of("Europe/London"))));
    }

    /** PersonTurning18 for a month, announced now. */
    public void turning18(UUID personId, java.time.YearMonth month) {
        send(personId, EventTypes.PERSON_TURNING_18_V1, data -> {
            data.put("turns18In", month.toString());
            data.put("consentRenewalDueBy", month.atEndOfMonth().toString());
        });
    }

    /** PersonTurned16 for a month (now ended), announced now: from the next month the Mental Capacity Act applies. */
    public void turned16(UUID personId, java.time.YearMonth month) {
        send(personId, EventTypes.PERSON_TURNED_16_V1, data -> data.put("turned16In", month.toString()));
    }

    /**
     * The old PersonTurned18 (no longer published; its time was the birthday) as referral-service published it at a
     * time, arriving whenever the test sends it: an older record still on the topic, or replayed from the DLT.
     */
    public void turned18(UUID personId, Instant publishedAt) {
        send(personId, goldenSample(EventTypes.PERSON_TURNED_18_V1, personId), publishedAt);
    }

    public void removedFromRegister(UUID personId, RemovalReason reason) {
        send(personId, EventTypes.REGISTER_PERSON_REMOVED_V1, data -> {
            data.put("registerEntryId", UUID.randomUUID().toString());
            data.put("removedAt", Instant.now().toString());
            data.put("reason", reason.name());
        });
    }

    /**
     * referral-service erased the person ({@code dsr.person.erased.v1}, grounds: the retention period ended). Returns
     * the CloudEvent sent, so that a test can deliver the very same event again ({@link #send(UUID, ObjectNode)}).
     */
    public ObjectNode erased(UUID personId) {
        ObjectNode event = goldenSample(EventTypes.PERSON_ERASED_V1, personId);
        ((ObjectNode) event.get("data")).put("erasedAt", clock.instant().toString());
        send(personId, event);
        return event;
    }

    /**
     * referral-service merged the duplicate {@code from} into {@code into} ({@code dsr.person.merged.v1}, keyed and
     * subject {@code from}). Returns the CloudEvent sent, for a redelivery.
     */
    public ObjectNode merged(UUID from, UUID into) {
        ObjectNode event = goldenSample(EventTypes.PERSON_MERGED_V1, from);
        ObjectNode data = (ObjectNode) event.get("data");
        data.remove("personId");
        data.put("from", from.toString());
        data.put("into", into.toString());
        data.put("mergedAt", clock.instant().toString());
        send(from, event);
        return event;
    }

    /** Processing of the person's data was restricted, or the restriction lifted ({@code dsr.person.processing-restricted.v1}). */
    public void processingRestricted(UUID personId, boolean restricted) {
        send(personId, EventTypes.PERSON_PROCESSING_RESTRICTED_V1, data -> {
            data.put("restricted", restricted);
            data.put("changedAt", Instant.now().toString());
        });
    }

    public void send(UUID personId, String type, Consumer<ObjectNode> changeData) {
        ObjectNode event = goldenSample(type, personId);
        changeData.accept((ObjectNode) event.get("data"));
        send(personId, event);
    }

    /** Sends the event as published now, by the service's clock. */
    public void send(UUID personId, ObjectNode event) {
        send(personId, event, clock.instant());
    }

    public void send(UUID personId, ObjectNode event, Instant publishedAt) {
        event.put("time", publishedAt.toString());
        try {
            send(personId, JSON.writeValueAsBytes(event));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void send(UUID personId, byte[] value) {
        sendOn(Topics.REFERRAL_EVENTS, personId, value);
    }

    /**
     * Another service's event about the person, as that service publishes it on its own topic (consent- and
     * risk-service's events for a service that follows them): the golden sample of the type, changed by
     * {@code changeData}, published now by the service's clock.
     */
    public void publishOn(String topic, UUID personId, String type, Consumer<ObjectNode> changeData) {
        ObjectNode event = goldenSample(type, personId);
        changeData.accept((ObjectNode) event.get("data"));
        event.put("time", clock.instant().toString());
        try {
            sendOn(topic, personId, JSON.writeValueAsBytes(event));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void sendOn(String topic, UUID personId, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, personId.toString(), value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("could not publish an event on " + topic, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
