package org.opendsr.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/** Every event type has a schema, a golden sample that validates against it, and a place in the AsyncAPI document. */
class EventContractsTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false);

    /** Property names that would put personal identifiers on a topic other than the inbound agency topic. */
    private static final Set<String> PERSONAL_IDENTIFIERS = Set.of(
            "name", "givenname", "familyname", "firstname", "lastname", "surname", "fullname",
            "nhsnumber", "dateofbirth", "dob", "birthdate", "address", "addressline1", "postcode",
            "phone", "telephone", "email");

    static Stream<EventContract> contracts() {
        return EventCatalogue.all().stream();
    }

    @ParameterizedTest
    @MethodSource("contracts")
    void goldenSampleIsAValidCloudEventOfItsType(EventContract contract) throws IOException {
        JsonNode sample = read(contract.sampleResource());

        assertThat(EventSchemas.envelopeProblems(sample)).isEmpty();
        assertThat(sample.get("type").asText()).isEqualTo(contract.type());
        assertThat(sample.get("source").asText()).startsWith(contract.source());
        assertThat(sample.get("dataschema").asText()).isEqualTo(contract.dataSchema().toString());
        assertThat(EventSchemas.dataProblems(contract, sample.get("data"))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("contracts")
    void goldenSampleMapsToThePayloadRecordAndBack(EventContract contract) throws IOException {
        JsonNode data = read(contract.sampleResource()).get("data");

        Object payload = JSON.treeToValue(data, contract.payloadType());
        JsonNode roundTripped = JSON.valueToTree(payload);

        assertThat(EventSchemas.dataProblems(contract, roundTripped)).isEmpty();
        assertThat(roundTripped.get("personId")).isEqualTo(data.get("personId"));
    }

    @ParameterizedTest
    @MethodSource("contracts")
    void schemaRefusesDataMissingARequiredProperty(EventContract contract) throws IOException {
        JsonNode schema = read(contract.schemaResource());
        JsonNode data = read(contract.sampleResource()).get("data");
        for (JsonNode required : schema.get("required")) {
            var withoutIt = data.deepCopy();
            ((com.fasterxml.jackson.databind.node.ObjectNode) withoutIt).remove(required.asText());
            assertThat(EventSchemas.dataProblems(contract, withoutIt))
                    .as("data without %s", required.asText())
                    .isNotEmpty();
        }
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"LAPSED", "WITHDRAWN", "RENEWED"})
    void aConsentIsNeverRecordedClosed(String status) throws IOException {
        EventContract recorded = EventCatalogue.of(EventTypes.CONSENT_RECORDED_V1);
        var data = (com.fasterxml.jackson.databind.node.ObjectNode) read(recorded.sampleResource()).get("data");

        data.put("status", status);

        assertThat(EventSchemas.dataProblems(recorded, data)).isNotEmpty();
    }

    /**
     * A tracking meeting is about many people, so its events name none (they are keyed by meetingId); a Meeting by
     * Exception is about one person, who is its key. A person on a tracking meeting's event would be a second key.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {EventTypes.MEETING_SCHEDULED_V1,
            EventTypes.MEETING_HELD_V1, EventTypes.MEETING_CANCELLED_V1})
    void aTrackingMeetingNamesNoPersonAndAnExceptionNamesItsPerson(String type) throws IOException {
        EventContract contract = EventCatalogue.of(type);
        var data = (com.fasterxml.jackson.databind.node.ObjectNode) read(contract.sampleResource()).get("data");
        String person = "3d5e8a52-8f6b-4a57-b1f4-0c2b7e1f9d20";

        var tracking = data.deepCopy().put("kind", "TRACKING").put("personId", person);
        var exceptionWithoutPerson = data.deepCopy().put("kind", "EXCEPTION").putNull("personId");
        var exception = data.deepCopy().put("kind", "EXCEPTION").put("personId", person);
        exception.remove("seriesId");

        assertThat(EventSchemas.dataProblems(contract, tracking)).isNotEmpty();
        assertThat(EventSchemas.dataProblems(contract, exceptionWithoutPerson)).isNotEmpty();
        assertThat(EventSchemas.dataProblems(contract, exception)).isEmpty();
    }

    @Test
    void aTrackingMeetingIsScheduledInItsSeriesAndAnExceptionInNone() throws IOException {
        EventContract scheduled = EventCatalogue.of(EventTypes.MEETING_SCHEDULED_V1);
        var data = (com.fasterxml.jackson.databind.node.ObjectNode) read(scheduled.sampleResource()).get("data");

        var trackingWithoutSeries = data.deepCopy().put("kind", "TRACKING");
        trackingWithoutSeries.remove("seriesId");
        var exceptionInASeries = data.deepCopy().put("kind", "EXCEPTION")
                .put("personId", "3d5e8a52-8f6b-4a57-b1f4-0c2b7e1f9d20");

        assertThat(data.get("kind").asText()).isEqualTo("TRACKING");
        assertThat(EventSchemas.dataProblems(scheduled, data)).isEmpty();
        assertThat(EventSchemas.dataProblems(scheduled, trackingWithoutSeries)).isNotEmpty();
        assertThat(EventSchemas.dataProblems(scheduled, exceptionInASeries)).isNotEmpty();
    }

    /** Codes, not words: a service type or an owning agency that is free text is refused. */
    @Test
    void meetingEventsCarryCodesNotFreeText() throws IOException {
        EventContract made = EventCatalogue.of(EventTypes.MEETING_RECOMMENDATION_MADE_V1);
        var recommendation = (com.fasterxml.jackson.databind.node.ObjectNode) read(made.sampleResource()).get("data");
        EventContract due = EventCatalogue.of(EventTypes.MEETING_ACTION_DUE_V1);
        var action = (com.fasterxml.jackson.databind.node.ObjectNode) read(due.sampleResource()).get("data");

        assertThat(EventSchemas.dataProblems(made, recommendation.deepCopy()
                .put("serviceType", "Intensive support, mum says urgent"))).isNotEmpty();
        assertThat(EventSchemas.dataProblems(due, action.deepCopy().put("ownerAgency", "Swindon Borough Council")))
                .isNotEmpty();
        assertThat(EventSchemas.dataProblems(made, recommendation)).isEmpty();
        assertThat(EventSchemas.dataProblems(due, action)).isEmpty();
    }

    /**
     * Issue 14: ReferralAccepted v1 gained the person's ethnic category, optional (an older event without it is still
     * valid), by the Data Dictionary category's name and nothing else (not the code 99, not words).
     */
    @Test
    void referralAcceptedCarriesAnOptionalEthnicCategoryByName() throws IOException {
        EventContract accepted = EventCatalogue.of(EventTypes.REFERRAL_ACCEPTED_V1);
        var data = (com.fasterxml.jackson.databind.node.ObjectNode) read(accepted.sampleResource()).get("data");
        var before = data.deepCopy();
        before.remove("ethnicCategory");

        assertThat(data.get("ethnicCategory").asText()).isEqualTo("A");
        assertThat(EventSchemas.dataProblems(accepted, before)).as("a v1 event from before").isEmpty();
        assertThat(EventSchemas.dataProblems(accepted, data.deepCopy().putNull("ethnicCategory"))).isEmpty();
        assertThat(EventSchemas.dataProblems(accepted, data.deepCopy().put("ethnicCategory", "NOT_KNOWN"))).isEmpty();
        assertThat(EventSchemas.dataProblems(accepted, data.deepCopy().put("ethnicCategory", "99"))).isNotEmpty();
        assertThat(EventSchemas.dataProblems(accepted, data.deepCopy().put("ethnicCategory", "I"))).isNotEmpty();
        assertThat(EventSchemas.dataProblems(accepted, data.deepCopy().put("ethnicCategory", "White British")))
                .isNotEmpty();
        assertThat(JSON.treeToValue(before, org.opendsr.contracts.referral.ReferralAccepted.class).ethnicCategory())
                .isNull();
    }

    @Test
    void theEthnicCategoriesOfTheSchemaAreTheContractsEnum() throws IOException {
        JsonNode schema = read(EventCatalogue.of(EventTypes.REFERRAL_ACCEPTED_V1).schemaResource());
        List<String> named = new ArrayList<>();
        schema.at("/properties/ethnicCategory/enum").forEach(value -> {
            if (!value.isNull()) {
                named.add(value.asText());
            }
        });

        assertThat(named).containsExactly(java.util.Arrays.stream(org.opendsr.contracts.common.EthnicCategory.values())
                .map(Enum::name).toArray(String[]::new));
    }

    /**
     * Issue 14: the signal of an admission of someone not on the register names nobody: no personId (its schema
     * refuses one), no NHS number, no date of birth; it is keyed by the report's id.
     */
    @Test
    void anAdmissionNotOnTheRegisterNamesNoPerson() throws IOException {
        EventContract signal = EventCatalogue.of(EventTypes.REGISTER_ADMITTED_NOT_ON_REGISTER_V1);
        JsonNode sample = read(signal.sampleResource());
        var data = (com.fasterxml.jackson.databind.node.ObjectNode) sample.get("data");

        assertThat(signal.topic()).isEqualTo(Topics.REFERRAL_EVENTS);
        assertThat(sample.get("subject").asText()).isEqualTo(data.get("reportId").asText());
        assertThat(data.has("personId")).isFalse();
        assertThat(EventSchemas.dataProblems(signal, data.deepCopy()
                .put("personId", "3d5e8a52-8f6b-4a57-b1f4-0c2b7e1f9d20"))).isNotEmpty();
        assertThat(EventSchemas.dataProblems(signal, data.deepCopy().putNull("locality"))).isEmpty();
        assertThat(EventSchemas.dataProblems(signal, data.deepCopy().put("locality", "Near the hospital")))
                .isNotEmpty();
    }

    @Test
    void theReminderSampleIsDueSoonBeforeItsDueDateAndOverdueFromIt() throws IOException {
        JsonNode sample = read(EventCatalogue.of(EventTypes.CONSENT_REMINDER_DUE_V1).sampleResource());
        java.time.LocalDate sentOn = java.time.LocalDate.ofInstant(java.time.Instant.parse(sample.get("time").asText()),
                java.time.ZoneId.of("Europe/London"));
        java.time.LocalDate due = java.time.LocalDate.parse(sample.get("data").get("renewalDueOn").asText());

        boolean dueSoon = "RENEWAL_DUE_SOON".equals(sample.get("data").get("subject").asText());

        assertThat(sentOn.isBefore(due)).as("sent on %s, due on %s", sentOn, due).isEqualTo(dueSoon);
        assertThat(sample.get("data").has("graceEndsOn")).isEqualTo(!dueSoon);
    }

    static Stream<EventContract> internalContracts() {
        return EventCatalogue.all().stream().filter(contract -> !contract.topic().equals(Topics.AGENCY_INBOUND_CHANNEL));
    }

    @ParameterizedTest
    @MethodSource("internalContracts")
    void internalEventsCarryNoPersonalIdentifiers(EventContract contract) throws IOException {
        List<String> names = new ArrayList<>();
        collectPropertyNames(read(contract.schemaResource()), names);

        assertThat(names).isNotEmpty().doesNotContainAnyElementsOf(PERSONAL_IDENTIFIERS);
    }

    @Test
    void onlyTheAgencyTopicCarriesPersonalIdentifiers() throws IOException {
        List<String> names = new ArrayList<>();
        for (EventContract contract : EventCatalogue.onTopic(Topics.AGENCY_INBOUND_CHANNEL)) {
            collectPropertyNames(read(contract.schemaResource()), names);
        }
        assertThat(names).contains("nhsnumber");
    }

    private static void collectPropertyNames(JsonNode schema, List<String> names) {
        JsonNode properties = schema.get("properties");
        if (properties == null) {
            return;
        }
        properties.fields().forEachRemaining(property -> {
            names.add(property.getKey().toLowerCase());
            collectPropertyNames(property.getValue(), names);
        });
    }

    @Test
    void envelopeRefusesAnEventWithoutAnId() throws IOException {
        var sample = (com.fasterxml.jackson.databind.node.ObjectNode) read(
                EventCatalogue.all().get(0).sampleResource());
        sample.remove("id");

        assertThat(EventSchemas.envelopeProblems(sample)).anyMatch(problem -> problem.contains("id"));
    }

    @Test
    void envelopeRefusesAnIdThatIsNotAUuid() throws IOException {
        var sample = (com.fasterxml.jackson.databind.node.ObjectNode) read(
                EventCatalogue.all().get(0).sampleResource());
        sample.put("id", "not-a-uuid");

        assertThat(EventSchemas.envelopeProblems(sample)).isNotEmpty();
    }

    @Test
    void everySchemaFileBelongsToACatalogueEntry() throws IOException, URISyntaxException {
        URL schemas = getClass().getClassLoader().getResource("dsr/schemas");
        try (Stream<Path> files = Files.list(Path.of(schemas.toURI()))) {
            List<String> orphans = files.map(path -> path.getFileName().toString())
                    .filter(name -> !name.equals("cloudevent-envelope.schema.json"))
                    .map(name -> name.replace(".schema.json", ""))
                    .filter(type -> EventCatalogue.byType(type).isEmpty())
                    .toList();
            assertThat(orphans).isEmpty();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void asyncApiDocumentDescribesEveryTopicAndEventType() throws IOException {
        Map<String, Object> asyncApi;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("dsr/asyncapi.yaml")) {
            asyncApi = new Yaml().load(in);
        }
        assertThat(asyncApi.get("asyncapi")).isEqualTo("3.0.0");
        var channels = (Map<String, Map<String, Object>>) asyncApi.get("channels");
        var addresses = channels.values().stream().map(channel -> channel.get("address")).toList();
        var messages = (Map<String, Map<String, Object>>) ((Map<String, Object>) asyncApi.get("components"))
                .get("messages");
        var messageNames = messages.values().stream().map(message -> message.get("name")).toList();

        for (EventContract contract : EventCatalogue.all()) {
            assertThat(addresses).contains(contract.topic(), Topics.deadLetterTopicOf(contract.topic()));
            assertThat(messageNames).contains(contract.type());
        }
    }

    private static JsonNode read(String resource) throws IOException {
        try (InputStream in = EventContractsTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return JSON.readTree(in);
        }
    }
}
