package org.opendsr.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.opendsr.contracts.EventCatalogue;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.Topics;
import org.opendsr.testkit.RealKafka;
import org.opendsr.testkit.ApiClient;
import org.opendsr.testkit.ApiClient.ApiResponse;

/**
 * The people the access matrix calls about, made through the API as the DSR would make them: referred by the
 * "insider" professional, contacted by the DSR team of their area (Swindon), with consent recorded by the insider and
 * accepted onto the register. Each has a name, NHS number, date of birth and postcode of their own, so that a leak of
 * any of them is found in any answer. The values a route's path and body need come from here.
 */
final class MatrixPeople {

    private static final String AREA = "SWINDON";
    /** The demo agency, registered with referral-service, that the matrix never links to anyone. */
    private static final String REPORTING_AGENCY = "wiltshire-council";
    /** A postcode no other journey uses, so that finding it in an answer can only mean this person. */
    private static final String POSTCODE = "SN3 9QX";
    /** risk-service's shipped default rating tool (Swindon has no tool of its own). */
    private static final String DEFAULT_TOOL = "dsr-12-question";
    private static final Map<String, Object> ALL_CRITERIA_MET = Map.of("criteria", Map.of(
            "learningDisabilityOrAutism", true,
            "atRiskOfAdmissionOrPlacementBreakdown", true,
            "livesInIcbArea", true));

    private final StartedDsr system;
    private final ApiClient gateway;
    private final String insider;
    private final String dsrTeam;
    private final String outsider;
    private final String lead;
    /**
     * Shared by every MatrixPeople of the test run (the access matrix's and the subject access journey's, on one
     * system): two of them must never make the same person (the same NHS number is the same person, with the other's
     * consent already open).
     */
    private static final AtomicInteger made = new AtomicInteger();
    private final Map<String, String> shared = new HashMap<>();
    private final Map<String, String> meetings = new HashMap<>();

    MatrixPeople(StartedDsr system, String insider, String dsrTeam, String outsider, String lead) {
        this.system = system;
        this.gateway = system.gateway;
        this.insider = insider;
        this.dsrTeam = dsrTeam;
        this.outsider = outsider;
        this.lead = lead;
    }

    /** One seeded person and what the API calls them by. */
    record Person(String givenName, String familyName, String nhsNumber, LocalDate dateOfBirth, String personId,
                  String referralId, String registerEntryId, String consentId) {

        /** Every form of their personal data an answer could carry. */
        List<String> personalData() {
            return List.of(givenName, familyName, nhsNumber, spaced(nhsNumber), dateOfBirth.toString(), POSTCODE);
        }

        String kindOf(String personal) {
            if (personal.equals(givenName) || personal.equals(familyName)) {
                return "name";
            }
            if (personal.equals(POSTCODE)) {
                return "postcode";
            }
            return personal.equals(dateOfBirth.toString()) ? "date of birth" : "NHS number";
        }

        /** The values routes about this person need, and the shared ones (a new NHS number for each call). */
        Map<String, String> values(MatrixPeople people, int call) {
            Map<String, String> values = new LinkedHashMap<>(people.sharedValues());
            values.putAll(people.meetingValues());
            values.put("personId", personId);
            values.put("referralId", referralId);
            values.put("registerEntryId", registerEntryId);
            values.put("consentId", consentId);
            values.put("givenName", givenName);
            values.put("familyName", familyName);
            values.put("nhsNumber", nhsNumber);
            values.put("dateOfBirth", dateOfBirth.toString());
            values.put("postcode", POSTCODE);
            values.put("area", AREA);
            values.put("today", LocalDate.now(ZoneId.of("Europe/London")).toString());
            // A booking a month ahead is in the future even for a risk-service whose clock a journey moved on.
            values.put("inAMonth", LocalDate.now(ZoneId.of("Europe/London")).plusDays(30).toString());
            values.put("toolId", DEFAULT_TOOL);
            values.put("version", "1");
            values.put("newGivenName", "Matrix" + letters(call));
            values.put("insiderSubject", "professional");
            // A service that contributes to subject access exports (PUT .../progress/{service}).
            values.put("service", "referral-service");
            // reporting-service: this month's report (the open month), and one of its measures.
            values.put("period", java.time.YearMonth.now(ZoneId.of("Europe/London")).toString());
            values.put("measureId", "referrals-received");
            return values;
        }

        /** Values made for one call only, when its route names them: each call gets its own record to act on. */
        String madeFor(String placeholder, MatrixPeople people) {
            return switch (placeholder) {
                case "newNhsNumber" -> people.nextNhsNumber();
                case "changeId" -> people.anIdentityChangeHeldForReview(this);
                case "flagId" -> people.aPossibleDuplicate(call(people));
                case "providingAgencyMembershipId" -> people.aProvidingAgency(this, call(people));
                case "requestId" -> people.aRequestToJoin(this, call(people));
                case "breakGlassMembershipId" -> people.aBreakGlassRead();
                case "obligationId" -> people.anObligation(this);
                case "newExceptionId" -> people.aMeetingByExceptionRequested(this);
                case "reportId" -> people.anAdmissionReportedByAnAgencyNotLinkedTo(this, call(people));
                case "suggestionId" -> people.theKeyworkerSuggestionAbout(this);
                case "moveId" -> people.aMoveOutOfArea();
                case "objectionId" -> people.anObjectionBeingConsidered(this);
                case "conflictId" -> people.aMergeConflict(call(people));
                case "conflictPersonId" -> people.lastMergeSurvivor;
                case "subjectAccessRequestId" -> people.aSubjectAccessRequest(this);
                default -> null;
            };
        }
    }

    /** A new person, on the register, whose care team is the insider (referrer), the Swindon team and leads. */
    Person acceptedOntoTheRegister() {
        int n = made.incrementAndGet();
        String givenName = "Ysolde" + letters(n);
        String familyName = "Matrixperson" + letters(n);
        LocalDate dateOfBirth = LocalDate.of(2005, 1 + n % 12, 1 + n % 28);
        String nhsNumber = nextNhsNumber();
        ApiResponse received = gateway.post("/api/referrals", insider, referral(givenName, familyName, dateOfBirth,
                nhsNumber));
        assertThat(received.status()).as("seeding a referral: " + received.text()).isEqualTo(201);
        String referralId = received.json().get("referralId").asText();
        String personId = received.json().get("personId").asText();

        ApiResponse contacted = gateway.post("/api/referrals/" + referralId + "/contact", dsrTeam, Map.of());
        assertThat(contacted.status()).as("seeding the first contact: " + contacted.text()).isBetween(200, 204);

        // consent-service learns of the person and of the insider's place in their care team from events.
        String[] consentId = new String[1];
        AccessMatrixTest.eventually(() -> {
            ApiResponse consent = gateway.post("/api/consents", insider, Map.of(
                    "personId", personId, "basis", "INFORMED_CONSENT", "givenBy", "THE_PERSON",
                    "givenOn", LocalDate.now(ZoneId.of("Europe/London")).toString(), "explainedWith", "EASY_READ",
                    "formKeptAt", "Scanned to the community learning disability team record"));
            assertThat(consent.status()).as("seeding consent: " + consent.text()).isEqualTo(201);
            consentId[0] = consent.json().get("consentId").asText();
        });
        AccessMatrixTest.eventually(() -> {
            ApiResponse accepted = gateway.post("/api/referrals/" + referralId + "/acceptance", dsrTeam, ALL_CRITERIA_MET);
            assertThat(accepted.status()).as("seeding the acceptance: " + accepted.text()).isBetween(200, 201);
        });
        // risk-service learns that they are on the register, and who their care team is, from referral-service's events.
        AccessMatrixTest.eventually(() -> {
            ApiResponse rating = gateway.get("/api/ratings/people/" + personId, insider);
            assertThat(rating.status()).as("risk-service knowing the person: " + rating.text()).isEqualTo(200);
            assertThat(rating.json().path("onRegister").asBoolean()).as(rating.text()).isTrue();
        });
        // So does meeting-service.
        AccessMatrixTest.eventually(() -> {
            ApiResponse outcomes = gateway.get("/api/meetings/people/" + personId + "/outcomes", insider);
            assertThat(outcomes.status()).as("meeting-service knowing the person: " + outcomes.text()).isEqualTo(200);
        });
        JsonNode record = gateway.get("/api/people/" + personId, dsrTeam).json();
        String registerEntryId = record.get("register").get("registerEntryId").asText();
        return new Person(givenName, familyName, nhsNumber, dateOfBirth, personId, referralId, registerEntryId,
                consentId[0]);
    }

    /** Values shared by every call: the ones that need a record of their own kind (a possible duplicate, ...). */
    Map<String, String> sharedValues() {
        if (shared.isEmpty()) {
            shared.put("selfReferralId", aSelfOrFamilyReferral());
        }
        return shared;
    }

    /**
     * meeting-service's records the meeting routes act on, made once about a person of their own (so that the routes
     * whose success ends a registration never touch them): Swindon's tracking-meeting series; its first meeting, held
     * (meeting-service's clock is moved to its start: a meeting is held once it has started), with an outcome about the
     * person (an action the insider owns, a recommended service); a later meeting whose agenda is still open, and the
     * last one scheduled, to cancel and move; a Meeting by Exception the insider asked for and a lead scheduled; and a
     * community C(E)TR booked against the RED rating's obligation three weeks ahead. The values also give the bodies
     * times that are valid on meeting-service's clock, wherever journeys moved it.
     */
    Map<String, String> meetingValues() {
        if (!meetings.isEmpty()) {
            return meetings;
        }
        Person person = acceptedOntoTheRegister();
        ApiResponse red = gateway.post("/api/ratings/people/" + person.personId(), dsrTeam, Map.of(
                "rating", "RED", "rationale", "Placement breaking down", "discussedWithPersonAndFamily", true));
        assertThat(red.status()).as("seeding a RED rating: " + red.text()).isEqualTo(201);

        ApiResponse series = gateway.post("/api/meetings/series", dsrTeam, Map.of("area", AREA));
        assertThat(series.status()).as("seeding Swindon's series: " + series.text()).isIn(201, 409);
        ApiResponse listed = gateway.get("/api/meetings/series?area=" + AREA, dsrTeam);
        assertThat(listed.status()).as(listed.text()).isEqualTo(200);
        String seriesId = listed.json().get("series").get(0).get("seriesId").asText();

        LocalDate today = meetingServiceToday();
        ApiResponse scheduled = gateway.get("/api/meetings?area=" + AREA + "&from=" + today + "&to="
                + today.plusWeeks(8), dsrTeam);
        assertThat(scheduled.status()).as(scheduled.text()).isEqualTo(200);
        List<JsonNode> ahead = new ArrayList<>();
        for (JsonNode meeting : scheduled.json().get("meetings")) {
            if (seriesId.equals(meeting.path("seriesId").asText()) && "SCHEDULED".equals(meeting.get("status").asText())
                    && Instant.parse(meeting.get("startsAt").asText()).isAfter(meetingServiceNow())) {
                ahead.add(meeting);
            }
        }
        assertThat(ahead).as("three of Swindon's meetings ahead: " + scheduled.text()).hasSizeGreaterThanOrEqualTo(3);
        JsonNode first = ahead.get(0);
        String heldMeetingId = first.get("meetingId").asText();

        Instant started = Instant.parse(first.get("startsAt").asText()).plusSeconds(60);
        system.advanceClock("meeting-service", Duration.between(meetingServiceNow(), started).toString());
        ApiResponse held = gateway.post("/api/meetings/" + heldMeetingId + "/held", dsrTeam, Map.of());
        assertThat(held.status()).as("seeding a held meeting: " + held.text()).isEqualTo(200);
        LocalDate meetingDay = meetingServiceToday();

        // The person's area reaches meeting-service's register a moment after their care team may.
        ApiResponse[] recorded = new ApiResponse[1];
        AccessMatrixTest.eventually(() -> {
            recorded[0] = gateway.post("/api/meetings/" + heldMeetingId + "/outcomes", dsrTeam, Map.of(
                    "personId", person.personId(), "summary", "Discussed the placement and the crisis plan",
                    "actions", List.of(Map.of("description", "Share the crisis plan with school",
                            "ownerAgency", "swindon-borough-council", "ownerSubject", "professional",
                            "dueOn", meetingDay.plusDays(7).toString())),
                    "recommendations", List.of(Map.of("serviceType", "SHORT_BREAKS"))));
            assertThat(recorded[0].status()).as("seeding an outcome: " + recorded[0].text()).isEqualTo(201);
        });
        ApiResponse outcome = recorded[0];

        ApiResponse asked = gateway.post("/api/meetings/exceptions", insider, Map.of(
                "personId", person.personId(), "reason", "NO_KEY_LOCAL_SERVICE"));
        assertThat(asked.status()).as("seeding a Meeting by Exception: " + asked.text()).isEqualTo(201);
        String exceptionId = asked.json().get("requestId").asText();
        LocalDate exceptionDay = MeetingJourneyTest.aWorkingMidweekDayFrom(meetingDay.plusDays(1));
        meetings.put("exceptionStartsAt", at(exceptionDay, 10));
        meetings.put("exceptionEndsAt", at(exceptionDay, 11));
        ApiResponse chaired = gateway.post("/api/meetings/exceptions/" + exceptionId + "/schedule", lead, Map.of(
                "startsAt", meetings.get("exceptionStartsAt"), "endsAt", meetings.get("exceptionEndsAt"),
                "onlineLink", "https://meet.example.nhs.uk/dsr-mbe"));
        assertThat(chaired.status()).as("scheduling the Meeting by Exception: " + chaired.text()).isEqualTo(200);

        // meeting-service learns of the RED rating's obligation from risk-service's events: 404 until then.
        String obligationId = anObligationOfKind(person, "COMMUNITY_CTR");
        meetings.put("reviewStartsAt", at(meetingDay.plusDays(21), 10));
        meetings.put("reviewEndsAt", at(meetingDay.plusDays(21), 12));
        String[] bookingId = new String[1];
        AccessMatrixTest.eventually(() -> {
            ApiResponse booked = gateway.post("/api/meetings/bookings", dsrTeam, Map.of(
                    "obligationId", obligationId, "reviewType", "COMMUNITY_CTR",
                    "startsAt", meetings.get("reviewStartsAt"), "endsAt", meetings.get("reviewEndsAt"),
                    "location", "Swindon Civic Offices"));
            assertThat(booked.status()).as("seeding a booking: " + booked.text()).isEqualTo(201);
            bookingId[0] = booked.json().get("bookingId").asText();
        });

        meetings.put("meetingPersonId", person.personId());
        meetings.put("seriesId", seriesId);
        meetings.put("meetingId", heldMeetingId);
        meetings.put("openAgendaMeetingId", ahead.get(1).get("meetingId").asText());
        meetings.put("cancellableMeetingId", ahead.get(ahead.size() - 1).get("meetingId").asText());
        meetings.put("outcomeId", outcome.json().get("outcomeId").asText());
        meetings.put("actionId", outcome.json().get("actions").get(0).get("actionId").asText());
        meetings.put("recommendationId", outcome.json().get("recommendations").get(0).get("recommendationId").asText());
        meetings.put("exceptionId", exceptionId);
        meetings.put("bookableObligationId", obligationId);
        meetings.put("bookingId", bookingId[0]);
        meetings.put("meetingToday", meetingDay.toString());
        meetings.put("meetingInAMonth", meetingDay.plusDays(30).toString());
        return meetings;
    }

    private KafkaProducer<String, byte[]> agencySystem;

    /**
     * Wiltshire Council, which is not linked to the person (it neither referred them nor provides their care), reports
     * their admission on its own topic: a report for the DSR team's worklist (issue 14), one per call (a resolved report
     * is off the list), each on a day of its own (the same admission reported twice is one report).
     */
    String anAdmissionReportedByAnAgencyNotLinkedTo(Person person, int n) {
        String admittedOn = LocalDate.of(2025, 6, 1).minusDays(n).toString();
        ObjectNode event;
        try (InputStream in = MatrixPeople.class.getClassLoader().getResourceAsStream(
                EventCatalogue.of(EventTypes.AGENCY_ADMISSION_REPORTED_V2).sampleResource())) {
            event = (ObjectNode) ApiClient.JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        event.put("id", UUID.randomUUID().toString()).put("time", Instant.now().toString())
                .put("source", "/agency/" + REPORTING_AGENCY);
        ((ObjectNode) event.get("data")).put("nhsNumber", person.nhsNumber())
                .put("dateOfBirth", person.dateOfBirth().toString()).put("admittedOn", admittedOn);
        if (agencySystem == null) {
            agencySystem = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    RealKafka.get().bootstrapServers()), new StringSerializer(), new ByteArraySerializer());
        }
        try {
            agencySystem.send(new ProducerRecord<>(Topics.agencyInbound(REPORTING_AGENCY), person.nhsNumber(),
                    event.toString().getBytes(StandardCharsets.UTF_8))).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("could not publish the agency's admission report", e);
        }
        String[] reportId = new String[1];
        AccessMatrixTest.eventually(() -> {
            String after = null;
            do {
                ApiResponse reports = gateway.get("/api/worklists/admissions/not-on-register?limit=100"
                        + (after == null ? "" : "&after=" + after), dsrTeam);
                assertThat(reports.status()).as(reports.text()).isEqualTo(200);
                for (JsonNode report : reports.json().get("items")) {
                    if (person.personId().equals(report.path("knownPersonId").asText())
                            && admittedOn.equals(report.get("admittedOn").asText())) {
                        reportId[0] = report.get("reportId").asText();
                    }
                }
                after = reports.json().path("next").isTextual() ? reports.json().get("next").asText() : null;
            } while (after != null && reportId[0] == null);
            assertThat(reportId[0]).as("the report on the Swindon team's worklist").isNotNull();
        });
        return reportId[0];
    }

    /**
     * The keyworker referral suggested when the person was referred (born in 2005: under 25), as the Swindon team's
     * worklist shows it (issue 15). One per person: recording the same outcome again changes nothing.
     */
    String theKeyworkerSuggestionAbout(Person person) {
        String[] suggestionId = new String[1];
        AccessMatrixTest.eventually(() -> {
            String after = null;
            do {
                ApiResponse page = gateway.get("/api/worklists/keyworker-suggestions?limit=100"
                        + (after == null ? "" : "&after=" + after), dsrTeam);
                assertThat(page.status()).as(page.text()).isEqualTo(200);
                for (JsonNode item : page.json().get("items")) {
                    if (person.personId().equals(item.get("personId").asText())) {
                        suggestionId[0] = item.get("suggestionId").asText();
                    }
                }
                after = page.json().path("next").isTextual() ? page.json().get("next").asText() : null;
            } while (after != null && suggestionId[0] == null);
            // Resolved by an earlier call of the same route: the database keeps it, the open list does not.
            if (suggestionId[0] == null) {
                suggestionId[0] = shared.get("suggestionId:" + person.personId());
            }
            assertThat(suggestionId[0]).as("the suggestion on the Swindon team's worklist").isNotNull();
        });
        shared.put("suggestionId:" + person.personId(), suggestionId[0]);
        return suggestionId[0];
    }

    /**
     * A person of their own on the register who moved out of the ICB's area (recorded by the Swindon team), as the
     * Swindon team's moves-out-of-area worklist shows them (issue 15); made once, shared by every call (the same
     * resolution again changes nothing).
     */
    /** A subject access request about the person, recorded by a lead (issue 16): its id. */
    String aSubjectAccessRequest(Person person) {
        ApiResponse recorded = gateway.post("/api/subject-access-requests", lead, Map.of("personId", person.personId(),
                "receivedOn", LocalDate.now(ZoneId.of("Europe/London")).toString(), "requestedBy", "THE_PERSON"));
        assertThat(recorded.status()).as("seeding a subject access request: " + recorded.text()).isEqualTo(201);
        return recorded.json().get("requestId").asText();
    }

    String aMoveOutOfArea() {
        String made = shared.get("moveId");
        if (made != null) {
            return made;
        }
        Person mover = acceptedOntoTheRegister();
        ApiResponse moved = gateway.put("/api/people/" + mover.personId() + "/address", dsrTeam, Map.of(
                "line1", "4 Example Lane", "town", "Reading", "postcode", "RG1 1AA", "locality", "OUT_OF_AREA"));
        assertThat(moved.status()).as("seeding a move out of area: " + moved.text()).isEqualTo(204);
        String[] moveId = new String[1];
        String after = null;
        do {
            ApiResponse page = gateway.get("/api/worklists/moves-out-of-area?limit=100"
                    + (after == null ? "" : "&after=" + after), dsrTeam);
            assertThat(page.status()).as(page.text()).isEqualTo(200);
            for (JsonNode item : page.json().get("items")) {
                if (mover.personId().equals(item.get("personId").asText())) {
                    moveId[0] = item.get("moveId").asText();
                }
            }
            after = page.json().path("next").isTextual() ? page.json().get("next").asText() : null;
        } while (after != null && moveId[0] == null);
        assertThat(moveId[0]).as("the move on the Swindon team's worklist").isNotNull();
        shared.put("moveId", moveId[0]);
        return moveId[0];
    }

    /** Closes what the seeds opened (the agency's producer, if one was needed). */
    void close() {
        if (agencySystem != null) {
            agencySystem.close();
        }
    }

    /** The insider asks for a Meeting by Exception about the person: a request a lead may decline, one per call. */
    String aMeetingByExceptionRequested(Person person) {
        ApiResponse asked = gateway.post("/api/meetings/exceptions", insider, Map.of(
                "personId", person.personId(), "reason", "SERVICES_DISAGREE"));
        assertThat(asked.status()).as("seeding a Meeting by Exception: " + asked.text()).isEqualTo(201);
        return asked.json().get("requestId").asText();
    }

    /** The person's open obligation of a kind, once risk-service has opened it. */
    private String anObligationOfKind(Person person, String kind) {
        String[] chosen = new String[1];
        AccessMatrixTest.eventually(() -> {
            ApiResponse list = gateway.get("/api/ratings/people/" + person.personId() + "/obligations", dsrTeam);
            assertThat(list.status()).as("reading the obligations: " + list.text()).isEqualTo(200);
            for (JsonNode obligation : list.json().get("obligations")) {
                if (kind.equals(obligation.get("kind").asText())
                        && List.of("DUE", "OVERDUE").contains(obligation.get("status").asText())) {
                    chosen[0] = obligation.get("obligationId").asText();
                }
            }
            assertThat(chosen[0]).as("an open " + kind + " in " + list.text()).isNotNull();
        });
        return chosen[0];
    }

    private Instant meetingServiceNow() {
        ApiResponse now = new ApiClient(system.dsr.serviceUrl("meeting-service")).get("/testing/clock", null);
        assertThat(now.status()).as(now.text()).isEqualTo(200);
        return Instant.parse(now.json().get("now").asText());
    }

    private LocalDate meetingServiceToday() {
        return LocalDate.ofInstant(meetingServiceNow(), ZoneId.of("Europe/London"));
    }

    /** A UK wall-clock hour on a day, as the instant the API takes. */
    private static String at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(ZoneId.of("Europe/London")).toInstant().toString();
    }

    /**
     * Two people with one name and date of birth and different NHS numbers: a DSR team's worklist item, made for each
     * call that resolves one (a resolved flag is gone).
     */
    String aPossibleDuplicate(int n) {
        LocalDate dateOfBirth = LocalDate.of(2003, 7, 9);
        String familyName = "Matrixtwin" + letters(n);
        String second = null;
        for (int i = 0; i < 2; i++) {
            ApiResponse received = gateway.post("/api/referrals", insider,
                    referral("Tamsin", familyName, dateOfBirth, nextNhsNumber()));
            assertThat(received.status()).as("seeding a possible duplicate: " + received.text()).isEqualTo(201);
            second = received.json().get("personId").asText();
        }
        String newcomer = second;
        String[] flagId = new String[1];
        AccessMatrixTest.eventually(() -> {
            String after = null;
            do {
                ApiResponse flags = gateway.get("/api/worklists/people/possible-duplicates?limit=100"
                        + (after == null ? "" : "&after=" + after), dsrTeam);
                assertThat(flags.status()).as(flags.text()).isEqualTo(200);
                for (JsonNode flag : flags.json().get("items")) {
                    if (newcomer.equals(flag.at("/person/personId").asText())
                            || newcomer.equals(flag.at("/possibleDuplicate/personId").asText())) {
                        flagId[0] = flag.get("flagId").asText();
                    }
                }
                after = flags.json().path("next").isTextual() ? flags.json().get("next").asText() : null;
            } while (after != null && flagId[0] == null);
            assertThat(flagId[0]).as("the pair on the Swindon team's worklist").isNotNull();
        });
        return flagId[0];
    }

    /** The survivor of the merge {@link #aMergeConflict} made last (the route's personId points at it). */
    private volatile String lastMergeSurvivor;

    /** A possible duplicate resolved as the same person by the Swindon team: one of the conflicts it left. */
    String aMergeConflict(int n) {
        String flagId = aPossibleDuplicate(n);
        ApiResponse merged = gateway.post("/api/worklists/people/possible-duplicates/" + flagId + "/resolution",
                dsrTeam, Map.of("outcome", "SAME_PERSON"));
        assertThat(merged.status()).as("seeding a merge: " + merged.text()).isEqualTo(200);
        lastMergeSurvivor = merged.json().get("personId").asText();
        ApiResponse conflicts = gateway.get("/api/people/" + lastMergeSurvivor + "/merge-conflicts", dsrTeam);
        assertThat(conflicts.status()).as(conflicts.text()).isEqualTo(200);
        assertThat(conflicts.json().size()).as("the twins' NHS numbers differ").isPositive();
        return conflicts.json().get(0).get("conflictId").asText();
    }

    /** An objection the Swindon team recorded on the person, not decided yet. */
    String anObjectionBeingConsidered(Person person) {
        ApiResponse recorded = gateway.post("/api/people/" + person.personId() + "/objections", dsrTeam, Map.of(
                "receivedOn", LocalDate.now(ZoneId.of("Europe/London")).toString(),
                "objectsTo", "SHARING_WITH_AGENCIES"));
        assertThat(recorded.status()).as("seeding an objection: " + recorded.text()).isEqualTo(201);
        return recorded.json().get("objectionId").asText();
    }

    private static int call(MatrixPeople people) {
        return people.made.incrementAndGet();
    }

    /** An agency the Swindon team records as providing the person's care: a membership the DSR team may end. */
    String aProvidingAgency(Person person, int n) {
        ApiResponse recorded = gateway.post("/api/people/" + person.personId() + "/care-team/providing-agencies",
                dsrTeam, Map.of("agencyId", "matrix-agency-" + letters(n)));
        assertThat(recorded.status()).as("seeding a providing agency: " + recorded.text()).isBetween(200, 201);
        return recorded.json().get("membershipId").asText();
    }

    /**
     * One of the person's obligations for a call that books, completes or closes one: an open one while there is
     * one (a closed one is refused with 409, which still shows that the caller was let in). Accepted with the
     * referrer's AMBER, an under-25 is owed a multi-agency review and a keyworker referral; should they have none, the
     * Swindon team rates them RED, which obliges a community C(E)TR.
     */
    String anObligation(Person person) {
        String path = "/api/ratings/people/" + person.personId() + "/obligations";
        String[] chosen = new String[1];
        boolean[] rated = new boolean[1];
        AccessMatrixTest.eventually(() -> {
            ApiResponse list = gateway.get(path, dsrTeam);
            assertThat(list.status()).as("reading the obligations: " + list.text()).isEqualTo(200);
            for (JsonNode obligation : list.json().get("obligations")) {
                boolean open = List.of("DUE", "BOOKED", "OVERDUE").contains(obligation.get("status").asText());
                if (chosen[0] == null || open) {
                    chosen[0] = obligation.get("obligationId").asText();
                }
                if (open) {
                    break;
                }
            }
            if (chosen[0] == null && !rated[0]) {
                rated[0] = true;
                ApiResponse red = gateway.post("/api/ratings/people/" + person.personId(), dsrTeam, Map.of(
                        "rating", "RED", "rationale", "Placement breaking down", "discussedWithPersonAndFamily", true));
                assertThat(red.status()).as("seeding a RED rating: " + red.text()).isBetween(200, 201);
            }
            assertThat(chosen[0]).as("an obligation of the person").isNotNull();
        });
        return chosen[0];
    }

    /** The insider names a professional (who has no token here) as a key professional: a request to confirm. */
    String aRequestToJoin(Person person, int n) {
        String subject = "matrix-visitor-" + letters(n);
        ApiResponse named = gateway.put("/api/people/" + person.personId() + "/key-professionals", insider, Map.of(
                "keyProfessionals", List.of(Map.of("name", "Visiting Nurse", "role", "Community nurse",
                        "organisation", "Swindon Community Health", "phone", "07700 900459", "userId", subject))));
        assertThat(named.status()).as("seeding a request to join: " + named.text()).isBetween(200, 204);
        String[] requestId = new String[1];
        AccessMatrixTest.eventually(() -> {
            ApiResponse requests = gateway.get("/api/care-team-requests?size=100", dsrTeam);
            assertThat(requests.status()).as(requests.text()).isEqualTo(200);
            for (JsonNode request : requests.json().get("items")) {
                if (subject.equals(request.get("subject").asText())) {
                    requestId[0] = request.get("requestId").asText();
                }
            }
            assertThat(requestId[0]).as("the request on the Swindon team's worklist").isNotNull();
        });
        return requestId[0];
    }

    private String glassPerson;

    /**
     * A break-glass read for a lead to review, declared by the outsider about a person of its own (so that the
     * outsider's access to the people the matrix asks about never changes).
     */
    String aBreakGlassRead() {
        if (glassPerson == null) {
            glassPerson = acceptedOntoTheRegister().personId();
        }
        ApiResponse declared = gateway.post("/api/people/" + glassPerson + "/break-glass", outsider,
                Map.of("reason", "Called by the police about the person at night"));
        assertThat(declared.status()).as("seeding a break-glass read: " + declared.text()).isBetween(200, 201);
        return declared.json().get("membershipId").asText();
    }

    /** The insider's change of the person's identity (the same values), held for the DSR team's review. */
    String anIdentityChangeHeldForReview(Person person) {
        ApiResponse held = gateway.put("/api/people/" + person.personId() + "/identity", insider, Map.of(
                "givenName", person.givenName(), "familyName", person.familyName(),
                "dateOfBirth", person.dateOfBirth().toString(), "nhsNumber", person.nhsNumber()));
        assertThat(held.status()).as("seeding an identity change for review: " + held.text()).isEqualTo(202);
        return held.json().get("changeId").asText();
    }

    private String aSelfOrFamilyReferral() {
        ApiResponse received = gateway.post("/api/referrals/self-or-family", dsrTeam, Map.of(
                "givenName", "Kerensa", "familyName", "Matrixself", "postcode", "SN2 1AA",
                "phone", "07700 900456", "locality", AREA));
        assertThat(received.status()).as("seeding a self or family referral: " + received.text()).isEqualTo(201);
        return received.json().get("referralId").asText();
    }

    private static Map<String, Object> referral(String givenName, String familyName, LocalDate dateOfBirth,
                                                String nhsNumber) {
        return Map.of("givenName", givenName, "familyName", familyName, "dateOfBirth", dateOfBirth.toString(),
                "nhsNumber", nhsNumber, "postcode", POSTCODE, "locality", AREA, "diagnosis", "AUTISM",
                "reasonForReferral", "Placement at risk of breaking down",
                "currentIssues", "Escalating distress at home", "indicativeRag", "AMBER");
    }

    /** Shared for the same reason as {@link #made}. */
    private static final AtomicInteger nhsNumbers = new AtomicInteger();

    /**
     * A valid test NHS number (999 000 0000 - 999 999 9999 are never issued) not used by another journey: the
     * matrix takes 999 77x xxxx, with the modulus 11 check digit.
     */
    String nextNhsNumber() {
        while (true) {
            String nine = String.format("99977%04d", nhsNumbers.incrementAndGet());
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (nine.charAt(i) - '0') * (10 - i);
            }
            int check = 11 - sum % 11;
            if (check == 10) {
                continue;
            }
            return nine + (check == 11 ? 0 : check);
        }
    }

    private static String spaced(String nhsNumber) {
        return nhsNumber.substring(0, 3) + " " + nhsNumber.substring(3, 6) + " " + nhsNumber.substring(6);
    }

    /** A number as letters (names are letters only): 1 = "a", 27 = "ba". */
    static String letters(int n) {
        StringBuilder letters = new StringBuilder();
        int rest = n;
        do {
            letters.insert(0, (char) ('a' + rest % 26));
            rest /= 26;
        } while (rest > 0);
        return letters.toString();
    }
}
