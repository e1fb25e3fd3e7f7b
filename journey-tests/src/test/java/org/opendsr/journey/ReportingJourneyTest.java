package org.opendsr.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.htmlunit.WebClient;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opendsr.contracts.EventCatalogue;
import org.opendsr.contracts.EventSchemas;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.Topics;
import org.opendsr.testkit.ApiClient;
import org.opendsr.testkit.ApiClient.ApiResponse;

/**
 * The commissioners' monthly report through the gateway and the started services (issue 14). People are referred,
 * accepted onto the register (with an ethnic category), declined, rated, reviewed, updated, removed, admitted and
 * discharged, and one withdraws their consent, in one month (A) and the next (B), the clocks crossing A's and B's month
 * ends; a DSR lead cuts the month-end snapshots;
 * every measure's published figures are checked against counts this test works out from what it did (and, for the
 * review obligations, from what risk-service says it obliged), disclosure-controlled as NHS Digital does: 0 stays 0,
 * 1-7 is "*", 8 and above to the nearest 5. Events that arrive after B's cut about days in B are counted in C and
 * restated there; B's JSON, CSV and report page stay byte for byte what they were.
 *
 * <p>Other journeys share the started system, its register and its months: their people are children and adults
 * under 50 with no ethnic category recorded. So this journey's people are 50 to 64 (band P) and 65 and over (band
 * Q), with ethnic categories R and S that no other journey records, and its figures are read in those categories
 * (AGE_BAND and ETHNIC_CATEGORY), where nobody else is counted; its service recommendations are of two service types
 * no other journey recommends. Months A and B lie after every service's clock when this journey starts, so no other
 * journey's flows fall in them either.
 *
 * <p>The people are put on the register, rated, reviewed and updated through the gateway as the DSR team does it. The
 * service recommendations (33 made, 28 met or unmet) are published straight onto meeting-service's topic as
 * contract-valid events (checked against the contract before sending): a recommendation can only be made in the outcome
 * of a held meeting of the area's series, one series per area, which other journeys own, and volume matters here
 * (cells of 8, 12 and 13). Agencies' admission and discharge reports are published on the agency's own topic, as an
 * agency's system does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(DsrJourney.class)
// Last of the journeys (junit-platform.properties): it moves every service's clock months ahead.
@Order(Integer.MAX_VALUE - 1)
class ReportingJourneyTest {

    private static final ZoneId ENGLAND = ThroughTheGateway.ENGLAND;
    /** Every service whose clock this journey moves (the gateway's is real time: tokens are issued by it). */
    private static final List<String> SERVICES = List.of("referral-service", "consent-service", "risk-service",
            "meeting-service", "reporting-service");
    private static final String AGENCY = "wiltshire-council";

    private static final String BAND_P = "AGE_50_TO_64";
    private static final String BAND_Q = "AGE_65_AND_OVER";
    private static final LocalDate BORN_P = LocalDate.of(1970, 3, 15);
    private static final LocalDate BORN_Q = LocalDate.of(1948, 6, 20);
    private static final String ETHNIC_R = "R";
    private static final String ETHNIC_S = "S";
    /** Two catalogue service types no other journey recommends (they use INTENSIVE_SUPPORT_TEAM, SHORT_BREAKS). */
    private static final String BEHAVIOUR_SUPPORT = "POSITIVE_BEHAVIOUR_SUPPORT";
    private static final String HOUSING = "HOUSING";

    private static final List<String> MEASURES = List.of("register-by-rating", "referrals-received",
            "referrals-accepted", "referrals-declined", "left-register", "time-to-decision", "first-contact-on-time",
            "updates-on-time", "reviews-on-time", "consent-status", "admissions", "discharges",
            "keyworker-referrals-suggested", "service-recommendations", "time-on-register");

    private StartedDsr system;
    private ApiClient gateway;
    private String professional;
    private String swindonTeam;
    private String wiltshireTeam;
    private String dsrLead;
    private String analyst;
    private KafkaProducer<String, byte[]> producer;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private YearMonth monthA;
    private YearMonth monthB;
    private YearMonth monthC;

    // What this journey did, from which it works out every figure.
    private final List<Seeded> people = new ArrayList<>();
    private final List<Flow> flows = new ArrayList<>();
    private final List<Posting> postings = new ArrayList<>();
    private final List<Recommendation> recommendations = new ArrayList<>();
    /** Each (raw count, published value) of a count this journey checked: the disclosure control seen at work. */
    private final Set<String> controlled = new LinkedHashSet<>();
    private final AtomicInteger nhsNumbers = new AtomicInteger();

    // Month B's outputs as first read after the cut, compared byte for byte after the late events.
    private byte[] closedJson;
    private final Map<String, byte[]> closedCsv = new LinkedHashMap<>();
    private byte[] closedPage;
    private byte[] closedJsonA;

    /** One person of this journey, and what happened to them. */
    private static final class Seeded {
        final String name;
        final String ageBand;
        final LocalDate born;
        final String nhsNumber;
        final String locality;
        String personId;
        String referralId;
        String consentId;
        String ethnicCategory;
        LocalDate acceptedOn;
        LocalDate removedOn;
        final List<Map.Entry<LocalDate, String>> ratings = new ArrayList<>();

        Seeded(String name, String ageBand, LocalDate born, String nhsNumber, String locality) {
            this.name = name;
            this.ageBand = ageBand;
            this.born = born;
            this.nhsNumber = nhsNumber;
            this.locality = locality;
        }

        boolean onRegisterOn(LocalDate day) {
            return acceptedOn != null && !acceptedOn.isAfter(day) && (removedOn == null || removedOn.isAfter(day));
        }

        String ratingOn(LocalDate day) {
            String rating = "NOT_RATED";
            for (Map.Entry<LocalDate, String> rated : ratings) {
                if (!rated.getKey().isAfter(day)) {
                    rating = rated.getValue();
                }
            }
            return rating;
        }

        String category(String dimension) {
            return switch (dimension) {
                case "AGE_BAND" -> ageBand;
                case "ETHNIC_CATEGORY" -> ethnicCategory;
                default -> throw new IllegalArgumentException(dimension);
            };
        }
    }

    /** Something counted in the month it arrived: a referral received, a decision, a contact, an admission. */
    private record Flow(String measure, String group, Seeded person, LocalDate occurredOn, YearMonth arrivedIn,
                        long days, boolean onTime) {
    }

    /** An update posted in a person's updates box, and when the next was then due. */
    private record Posting(Seeded person, LocalDate postedOn, LocalDate nextDueOn) {
    }

    /** A service recommendation made, met or unmet (the service gaps). */
    private record Recommendation(String group, String serviceType, String area, LocalDate occurredOn,
                                  YearMonth arrivedIn) {
    }

    /** A review obligation as risk-service has it. */
    private record Obligation(Seeded person, String kind, LocalDate dueOn, LocalDate completedOn) {
    }

    /** A figure before disclosure control. */
    private record Raw(long count, long denominator, long sumDays, long maxDays) {
    }

    @BeforeAll
    void theStartedSystem(StartedDsr system) {
        this.system = system;
        this.gateway = system.gateway;
        this.professional = system.tokenFor("professional");
        this.swindonTeam = system.tokenFor("dsr-team");
        this.wiltshireTeam = system.tokenFor("dsr-team-wiltshire");
        this.dsrLead = system.tokenFor("dsr-lead");
        this.analyst = system.tokenFor("analyst");
        this.producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, system.dsr.kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    void closeTheProducer() {
        if (producer != null) {
            producer.close();
        }
    }

    @Test
    @Order(1)
    void inMonthAPeopleAreReferredAcceptedDeclinedRatedReviewedAndUpdated() {
        // Month A: the month after the latest of the services' months (other journeys move some clocks on).
        YearMonth latest = YearMonth.from(today("reporting-service"));
        for (String service : SERVICES) {
            YearMonth month = YearMonth.from(today(service));
            if (month.isAfter(latest)) {
                latest = month;
            }
        }
        // A rebuild of the store (another journey's, the access matrix's) replays the topics in the background: the
        // figures are read once it is over.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            ApiResponse rebuild = gateway.get("/api/reports/store/rebuilds/latest", dsrLead);
            return rebuild.status() == 404 || (rebuild.status() == 200
                    && !"RUNNING".equals(rebuild.json().get("state").asText()));
        });
        monthA = latest.plusMonths(1);
        monthB = monthA.plusMonths(1);
        monthC = monthB.plusMonths(1);
        LocalDate dayA = monthA.atDay(5);
        moveEveryServiceTo(dayA);

        // Band P: 13 to be rated RED (ethnic category R), 8 AMBER (S), in Swindon and Wiltshire; band Q: 7 to be rated
        // GREEN (R), 12 to be declined (no ethnic category: never on the register); P22 referred now, contacted and
        // accepted next month.
        List<Seeded> red = seed(13, BAND_P, BORN_P, "SWINDON");
        List<Seeded> amber = seed(8, BAND_P, BORN_P, "WILTSHIRE");
        List<Seeded> green = seed(7, BAND_Q, BORN_Q, "SWINDON");
        List<Seeded> declined = seed(12, BAND_Q, BORN_Q, "WILTSHIRE");
        Seeded late = seed(1, BAND_P, BORN_P, "SWINDON").get(0);

        List<Seeded> accepted = new ArrayList<>(red);
        accepted.addAll(amber);
        accepted.addAll(green);
        for (Seeded person : people) {
            referred(person, dayA);
        }
        for (Seeded person : people) {
            if (person != late) {
                contacted(person, dayA, dayA);
            }
        }
        red.forEach(person -> person.ethnicCategory = ETHNIC_R);
        amber.forEach(person -> person.ethnicCategory = ETHNIC_S);
        green.forEach(person -> person.ethnicCategory = ETHNIC_R);
        // P22's ethnic category is not recorded: it joins the register in B, after A may have been cut (the sweep
        // cuts A once B has begun), so A's figures would count its referral under whatever was known at that moment.
        for (Seeded person : accepted) {
            consentRecorded(person, dayA);
        }
        for (Seeded person : accepted) {
            acceptedOnto(person, dayA, dayA);
        }
        for (Seeded person : declined) {
            ApiResponse refused = gateway.post("/api/referrals/" + person.referralId + "/declinal", teamOf(person),
                    Map.of("reason", "NOT_AT_RISK_OF_ADMISSION", "criteria", Map.of(
                            "learningDisabilityOrAutism", true, "atRiskOfAdmissionOrPlacementBreakdown", false,
                            "livesInIcbArea", true)));
            assertThat(refused.status()).as(refused.text()).isBetween(200, 201);
            flows.add(new Flow("referrals-declined", "NOT_AT_RISK_OF_ADMISSION", person, dayA, monthA, 0, false));
            flows.add(new Flow("time-to-decision", "DECLINED", person, dayA, monthA, 0, false));
        }

        // Ratings by the DSR team, once risk-service knows each person is on the register.
        red.forEach(person -> rated(person, "RED", dayA));
        amber.forEach(person -> rated(person, "AMBER", dayA));
        green.forEach(person -> rated(person, "GREEN", dayA));

        // RED obliges a community C(E)TR within 14 days: 8 of the 13 are held today (on time), 5 are not held.
        for (Seeded person : red.subList(0, 8)) {
            String obligationId = awaitObligation(person, "COMMUNITY_CTR").get("obligationId").asText();
            ApiResponse done = gateway.post("/api/ratings/obligations/" + obligationId + "/completion",
                    teamOf(person), Map.of("completedOn", dayA.toString()));
            assertThat(done.status()).as(done.text()).isBetween(200, 201);
        }

        // Every AMBER person's first update today; the next is due a cadence on.
        amber.forEach(person -> updatePosted(person, dayA));

        // A week later 5 of them post again, before their update was due: on time; the other 3 miss it.
        LocalDate weekLater = dayA.plusDays(7);
        moveEveryServiceTo(weekLater);
        amber.subList(0, 5).forEach(person -> updatePosted(person, weekLater));

        // Service recommendations made at month A's meetings: 13 of positive behaviour support in Swindon, 20 of
        // housing in Wiltshire.
        for (int i = 0; i < 13; i++) {
            recommendationMade(BEHAVIOUR_SUPPORT, "SWINDON", dayA);
        }
        for (int i = 0; i < 20; i++) {
            recommendationMade(HOUSING, "WILTSHIRE", dayA);
        }

        // Before the clocks move on into B (after which a scheduled sweep may cut A at any moment), every event of A
        // has reached reporting-service: A's live figures are the counts worked out here.
        awaitFigures(monthA, "PROVISIONAL");
    }

    @Test
    @Order(2)
    void inMonthBOneJoinsLateTwoLeaveOneIsAdmittedAndDischargedAStrangerIsAdmittedAndServicesAreMetOrNot() {
        LocalDate dayB = monthB.atDay(10);
        moveEveryServiceTo(dayB);
        Seeded late = people.get(people.size() - 1);
        Seeded removed = people.get(0);
        Seeded admitted = people.get(1);
        Seeded admittedLater = people.get(2);

        // P22: contacted a month after the referral (not within 5 working days), consent, accepted.
        contacted(late, monthA.atDay(5), dayB);
        consentRecorded(late, dayB);
        acceptedOnto(late, monthA.atDay(5), dayB);
        // Its indicative rating (the referrer's GREEN) is its rating until the DSR team rates them.
        late.ratings.add(Map.entry(dayB, "GREEN"));

        // The first RED person steps down from the register.
        String registerEntryId = person(removed).at("/register/registerEntryId").asText();
        ApiResponse off = gateway.post("/api/register/" + registerEntryId + "/removal", teamOf(removed),
                Map.of("reason", "STEPPED_DOWN"));
        assertThat(off.status()).as(off.text()).isBetween(200, 204);
        removed.removedOn = dayB;
        flows.add(new Flow("left-register", "STEPPED_DOWN", removed, dayB, monthB, 0, false));

        // A GREEN person withdraws their consent: referral-service removes them from the register the same day.
        Seeded withdrew = people.get(21);
        assertThat(withdrew.ratings).extracting(Map.Entry::getValue).containsExactly("GREEN");
        ApiResponse withdrawal = gateway.post("/api/consents/" + withdrew.consentId + "/withdrawal", teamOf(withdrew),
                Map.of("reason", "PERSON_WITHDREW"));
        assertThat(withdrawal.status()).as(withdrawal.text()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> "REMOVED".equals(person(withdrew).at("/register/status").asText()));
        withdrew.removedOn = dayB;
        flows.add(new Flow("consent-status", "WITHDRAWN", withdrew, dayB, monthB, 0, false));
        flows.add(new Flow("left-register", "CONSENT_WITHDRAWN", withdrew, dayB, monthB, 0, false));

        // The agency provides the care of two RED people; it reports one admitted today (rated BLUE by risk-service).
        for (Seeded person : List.of(admitted, admittedLater)) {
            ApiResponse provider = gateway.post("/api/people/" + person.personId
                    + "/care-team/providing-agencies", teamOf(person), Map.of("agencyId", AGENCY));
            assertThat(provider.status()).as(provider.text()).isBetween(200, 201);
        }
        agencyReportsAdmission(admitted.nhsNumber, admitted.born, dayB);
        flows.add(new Flow("admissions", "ON_REGISTER", admitted, dayB, monthB, 0, false));
        admitted.ratings.add(Map.entry(dayB, "BLUE"));
        awaitRating(admitted, "BLUE");
        // Discharged the same day (a short stay): RED again, for at least 14 days after a discharge (risk-service).
        agencyReportsDischarge(admitted.nhsNumber, admitted.born, dayB);
        flows.add(new Flow("discharges", "ON_REGISTER", admitted, dayB, monthB, 0, false));
        admitted.ratings.add(Map.entry(dayB, "RED"));
        awaitRating(admitted, "RED");

        // Someone the DSR does not know (band Q) is admitted: counted as an admission of someone not on the register.
        Seeded stranger = new Seeded("stranger", BAND_Q, LocalDate.of(1949, 2, 14), nextNhsNumber(), null);
        agencyReportsAdmission(stranger.nhsNumber, stranger.born, dayB);
        flows.add(new Flow("admissions", "NOT_ON_REGISTER", stranger, dayB, monthB, 0, false));

        // Month B's meetings: 8 of the Swindon recommendations met, 12 of Wiltshire's housing unmet.
        for (int i = 0; i < 8; i++) {
            recommendationMet(i, dayB);
        }
        for (int i = 13; i < 25; i++) {
            recommendationUnmet(i, dayB, dayB, dayB);
        }
    }

    @Test
    @Order(3)
    void bothMonthsLiveFiguresAreTheCountsWorkedOutHere() {
        // Live (provisional) figures: worked out from the store as it stands; waiting for them is also waiting for
        // every event of A and B to have reached reporting-service before the months are cut.
        // A may have been cut already by the scheduled sweep (B has begun): FINAL then, with the same figures.
        awaitFigures(monthA, "PROVISIONAL", "FINAL");
        awaitFigures(monthB, "PROVISIONAL");
    }

    private void awaitFigures(YearMonth month, String... statuses) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonNode report = report(month.toString());
            assertThat(report.get("status").asText()).isIn((Object[]) statuses);
            assertFigures(report, month);
        });
    }

    @Test
    @Order(4)
    void afterMonthBEndsALeadCutsTheSnapshotsAndBothMonthsAreFinalWithTheSameFigures() {
        // An hour after midnight the month is cut (dsr.reporting.snapshots.cut-after): 10:00 on C's first day is past it.
        moveEveryServiceTo(monthC.atDay(1));
        ApiResponse cut = gateway.post("/api/reports/snapshots/cuts", dsrLead, Map.of());
        assertThat(cut.status()).as(cut.text()).isBetween(200, 204);
        // Only a lead cuts.
        assertThat(gateway.post("/api/reports/snapshots/cuts", analyst, Map.of()).status()).isEqualTo(403);

        for (YearMonth month : List.of(monthA, monthB)) {
            JsonNode report = report(month.toString());
            assertThat(report.get("status").asText()).as(month.toString()).isEqualTo("FINAL");
            assertThat(report.get("period").asText()).isEqualTo(month.toString());
            assertThat(report.get("periodKind").asText()).isEqualTo("MONTH");
            assertThat(report.get("firstMonth").asText()).isEqualTo(month.toString());
            assertThat(report.get("lastMonth").asText()).isEqualTo(month.toString());
            Instant cutAt = Instant.parse(report.get("cutAt").asText());
            assertThat(cutAt).isAfterOrEqualTo(month.plusMonths(1).atDay(1).atStartOfDay(ENGLAND).toInstant());
            assertThat(report.get("disclosureControl").asText()).isNotBlank();
            assertFigures(report, month);
        }
        closedJsonA = bytes("/api/reports/" + monthA, analyst, 200);
        closedJson = bytes("/api/reports/" + monthB, analyst, 200);
        for (String measure : MEASURES) {
            closedCsv.put(measure, bytes(csvPath(monthB, measure), analyst, 200));
        }
        closedPage = bytes("/api/reports/" + monthB + "/page", analyst, 200);
    }

    @Test
    @Order(5)
    void lateEventsAboutMonthBAreRestatedInMonthCAndMonthBsOutputsDoNotChange() {
        LocalDate lateDay = monthB.atDay(20);
        Seeded admittedLater = people.get(2);
        // Reported in C: an admission on B's 20th, and 8 more housing recommendations found unmet on B's 20th.
        agencyReportsAdmission(admittedLater.nhsNumber, admittedLater.born, lateDay);
        flows.add(new Flow("admissions", "ON_REGISTER", admittedLater, lateDay, monthC, 0, false));
        LocalDate today = today("meeting-service");
        for (int i = 25; i < 33; i++) {
            recommendationUnmet(i, lateDay, today, lateDay);
        }

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonNode c = report(monthC.toString());
            assertThat(c.get("status").asText()).isEqualTo("PROVISIONAL");
            assertThat(restatement(c, "admissions", "ON_REGISTER", monthB)).isEqualTo("*");
            assertThat(restatement(c, "service-recommendations", "UNMET", monthB)).isEqualTo("10");
            // ... and counted in C, the month they arrived.
            assertCell(c, "admissions", "ON_REGISTER", "AGE_BAND", BAND_P, raw(1), "COUNT");
            assertCell(c, "service-recommendations", "UNMET", "SERVICE_TYPE", HOUSING, raw(8), "COUNT");
        });

        // The closed month: not a byte changed, however often it is asked for.
        assertThat(bytes("/api/reports/" + monthB, analyst, 200)).isEqualTo(closedJson);
        assertThat(bytes("/api/reports/" + monthA, analyst, 200)).isEqualTo(closedJsonA);
        for (String measure : MEASURES) {
            assertThat(bytes(csvPath(monthB, measure), analyst, 200)).as(measure).isEqualTo(closedCsv.get(measure));
        }
        assertThat(bytes("/api/reports/" + monthB + "/page", analyst, 200)).isEqualTo(closedPage);
        // A and B still hold exactly the figures worked out before the late events.
        assertFigures(report(monthB.toString()), monthB);

        // Every count this journey checked, with 0, 1, 7, 8, 12 and 13 among them, published as NHS Digital says.
        assertThat(controlled).contains("0->0", "1->*", "7->*", "8->10", "12->10", "13->15");
    }

    @Test
    @Order(6)
    void eachMeasuresCsvIsOneTidyTableWithTheJsonsFigures() throws IOException {
        JsonNode report = ThroughTheGateway.json(new String(closedJson, StandardCharsets.UTF_8));
        for (String measure : MEASURES) {
            String text = new String(closedCsv.get(measure), StandardCharsets.UTF_8);
            CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
            try (CSVParser csv = CSVParser.parse(new StringReader(text), format)) {
                // The tidy columns first; a PERCENT measure adds its numerator and denominator, a DAYS one the
                // average and longest, each table its status.
                assertThat(csv.getHeaderNames()).as(measure).startsWith("period", "measure", "group",
                        "dimension", "category", "value", "suppressed");
                List<CSVRecord> rows = csv.getRecords();
                JsonNode cells = measure(report, measure).get("cells");
                String unit = measure(report, measure).get("unit").asText();
                List<String> extra = unit.equals("PERCENT") ? List.of("numerator", "denominator")
                        : unit.equals("DAYS") ? List.of("average", "longest") : List.of();
                assertThat(rows).as(measure).hasSize(cells.size());
                for (int i = 0; i < rows.size(); i++) {
                    CSVRecord row = rows.get(i);
                    JsonNode cell = cells.get(i);
                    assertThat(row.isConsistent()).as(measure + " row " + i).isTrue();
                    assertThat(row.get("period")).isEqualTo(monthB.toString());
                    assertThat(row.get("measure")).isEqualTo(measure);
                    assertThat(row.get("group")).isEqualTo(cell.get("group").asText());
                    assertThat(row.get("dimension")).isEqualTo(cell.get("dimension").asText());
                    assertThat(row.get("category")).isEqualTo(cell.get("category").asText());
                    assertThat(row.get("value")).as(measure + " " + row).isEqualTo(cell.get("value").asText());
                    assertThat(row.get("suppressed")).isEqualTo(String.valueOf(cell.get("suppressed").asBoolean()));
                    for (String column : extra) {
                        assertThat(row.get(column)).as(measure + " " + column).isEqualTo(cell.get(column).asText());
                    }
                }
            }
        }
    }

    @Test
    @Order(7)
    void theMonthlyPageRendersWithItsTwoChartsAndLinksToEveryCsv() throws IOException {
        try (WebClient browser = new WebClient()) {
            browser.getOptions().setCssEnabled(false);
            browser.getOptions().setThrowExceptionOnFailingStatusCode(true);
            browser.addRequestHeader("Authorization", "Bearer " + analyst);
            HtmlPage page = browser.getPage(system.dsr.gatewayUrl() + "/api/reports/" + monthB + "/page");
            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(200);
            assertThat(page.getTitleText()).isNotBlank();
            String text = page.asNormalizedText();
            assertThat(text).contains("FINAL");
            // Two charts, drawn on the server as SVG: the register by rating over 12 months, the service gaps.
            List<DomElement> charts = new ArrayList<>();
            page.getElementsByTagName("svg").forEach(charts::add);
            assertThat(charts).as(page.asXml()).hasSize(2);
            for (DomElement chart : charts) {
                assertThat(chart.getChildElementCount()).isPositive();
            }
            // A link to each measure's CSV.
            Set<String> csvLinks = new LinkedHashSet<>();
            for (HtmlAnchor anchor : page.getAnchors()) {
                if (anchor.getHrefAttribute().endsWith(".csv")) {
                    csvLinks.add(anchor.getHrefAttribute());
                }
            }
            for (String measure : MEASURES) {
                assertThat(csvLinks).as(measure).anyMatch(link -> link.endsWith("/" + measure + ".csv"));
            }
            // Printable: a print stylesheet or print rules.
            assertThat(page.asXml()).contains("print");
        }
    }

    @Test
    @Order(8)
    void onlyAnalystsLeadsAndTheDsrTeamReadReportsOfWholePeriods() {
        String month = "/api/reports/" + monthB;
        for (String reader : List.of("analyst", "dsr-lead", "dsr-team", "dsr-team-wiltshire")) {
            String token = system.tokenFor(reader);
            assertThat(gateway.get(month, token).status()).as(reader).isEqualTo(200);
            assertThat(gateway.get(csvPath(monthB, "admissions"), token).status()).as(reader).isEqualTo(200);
            assertThat(gateway.get(month + "/page", token).status()).as(reader).isEqualTo(200);
        }
        for (String other : List.of("professional", "professional-2", "admin")) {
            String token = system.tokenFor(other);
            for (String path : List.of(month, csvPath(monthB, "admissions"), month + "/page")) {
                ApiResponse refused = gateway.get(path, token);
                assertThat(refused.status()).as(other + " " + path).isEqualTo(403);
            }
        }
        assertThat(gateway.get(month, null).status()).isEqualTo(401);

        // Whole months, quarters and financial years only; nothing in the future. Month A's quarter ends by month C
        // (the current month); the financial year before A's is over.
        int quarter = (monthA.getMonthValue() - 1) / 3 + 1;
        ApiResponse byQuarter = gateway.get("/api/reports/" + monthA.getYear() + "-Q" + quarter, analyst);
        assertThat(byQuarter.status()).as(byQuarter.text()).isEqualTo(200);
        assertThat(byQuarter.json().get("periodKind").asText()).isEqualTo("QUARTER");
        int fyStart = (monthA.getMonthValue() >= 4 ? monthA.getYear() : monthA.getYear() - 1) - 1;
        ApiResponse byYear = gateway.get("/api/reports/FY" + fyStart + "-" + String.format("%02d", (fyStart + 1) % 100),
                analyst);
        assertThat(byYear.status()).as(byYear.text()).isEqualTo(200);
        assertThat(byYear.json().get("periodKind").asText()).isEqualTo("FINANCIAL_YEAR");
        assertThat(byYear.json().get("firstMonth").asText()).isEqualTo(fyStart + "-04");
        for (String window : List.of("2026-13", "last-30-days", monthA + ".." + monthB)) {
            ApiResponse refused = gateway.get("/api/reports/" + window, analyst);
            assertThat(refused.status()).as(window).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(gateway.get("/api/reports/" + monthC.plusMonths(1), analyst).status()).isIn(400, 404);
    }

    // ---- what the figures must be ----------------------------------------------------------------------------------

    /** Every measure's cells in this journey's own categories, against the counts worked out from what it did. */
    private void assertFigures(JsonNode report, YearMonth month) {
        List<String> ids = new ArrayList<>();
        report.get("measures").forEach(measure -> ids.add(measure.get("id").asText()));
        assertThat(ids).containsAll(MEASURES);
        List<Obligation> obligations = obligations();
        for (String id : MEASURES) {
            JsonNode measure = measure(report, id);
            String unit = measure.get("unit").asText();
            Set<String> groups = new LinkedHashSet<>();
            measure.get("cells").forEach(cell -> groups.add(cell.get("group").asText()));
            assertThat(groups).as(id + "'s groups").isNotEmpty();
            for (String group : groups) {
                if (id.equals("service-recommendations")) {
                    for (String type : List.of(BEHAVIOUR_SUPPORT, HOUSING)) {
                        assertCell(report, id, group, "SERVICE_TYPE", type,
                                raw(recommendations(month, group, r -> r.serviceType().equals(type))), unit);
                    }
                    for (String area : List.of("SWINDON", "WILTSHIRE")) {
                        assertCell(report, id, group, "LOCALITY", area,
                                raw(recommendations(month, group, r -> r.area().equals(area))), unit);
                    }
                    assertCell(report, id, group, "TOTAL", "ALL", raw(recommendations(month, group, r -> true)), unit);
                    continue;
                }
                for (String dimension : List.of("AGE_BAND", "ETHNIC_CATEGORY")) {
                    List<String> categories = dimension.equals("AGE_BAND") ? List.of(BAND_P, BAND_Q)
                            : List.of(ETHNIC_R, ETHNIC_S);
                    for (String category : categories) {
                        Predicate<Seeded> in = person -> category.equals(person.category(dimension));
                        assertCell(report, id, group, dimension, category,
                                expected(id, group, month, in, obligations), unit);
                    }
                }
            }
        }
    }

    /** A measure's raw figure for one group, month and category, worked out from what this journey did. */
    private Raw expected(String measure, String group, YearMonth month, Predicate<Seeded> in,
                         List<Obligation> obligations) {
        LocalDate end = month.atEndOfMonth();
        return switch (measure) {
            case "register-by-rating" -> raw(people.stream().filter(in)
                    .filter(person -> person.onRegisterOn(end) && person.ratingOn(end).equals(group)).count());
            case "consent-status" -> switch (group) {
                // Every person of this journey consented when accepted: active while on the register.
                case "ACTIVE" -> raw(people.stream().filter(in).filter(person -> person.onRegisterOn(end)).count());
                // One withdrew in B; nobody's consent went overdue or lapsed.
                case "WITHDRAWN" -> raw(flows(measure, group, month, in).size());
                default -> raw(0);
            };
            case "time-on-register" -> days(people.stream().filter(in).filter(person -> person.onRegisterOn(end))
                    .map(person -> ChronoUnit.DAYS.between(person.acceptedOn, end)).toList());
            case "time-to-decision" -> days(flows(measure, group, month, in).stream().map(Flow::days).toList());
            case "first-contact-on-time" -> {
                List<Flow> contacts = flows(measure, group, month, in);
                yield new Raw(contacts.stream().filter(Flow::onTime).count(), contacts.size(), 0, 0);
            }
            case "updates-on-time" -> {
                long due = 0;
                long onTime = 0;
                for (int i = 0; i < postings.size(); i++) {
                    Posting posting = postings.get(i);
                    LocalDate dueOn = posting.nextDueOn();
                    if (!YearMonth.from(dueOn).equals(month) || !in.test(posting.person())
                            || !posting.person().onRegisterOn(dueOn)) {
                        continue;
                    }
                    due++;
                    for (Posting next : postings.subList(i + 1, postings.size())) {
                        if (next.person() == posting.person() && !next.postedOn().isAfter(dueOn)) {
                            onTime++;
                            break;
                        }
                    }
                }
                yield new Raw(onTime, due, 0, 0);
            }
            case "reviews-on-time" -> {
                List<Obligation> due = obligations.stream().filter(obligation -> obligation.kind().equals(group)
                        && YearMonth.from(obligation.dueOn()).equals(month) && in.test(obligation.person())).toList();
                yield new Raw(due.stream().filter(obligation -> obligation.completedOn() != null
                        && !obligation.completedOn().isAfter(obligation.dueOn())).count(), due.size(), 0, 0);
            }
            default -> raw(flows(measure, group, month, in).size());
        };
    }

    private List<Flow> flows(String measure, String group, YearMonth month, Predicate<Seeded> in) {
        return flows.stream().filter(flow -> flow.measure().equals(measure) && flow.group().equals(group)
                && flow.arrivedIn().equals(month) && in.test(flow.person())).toList();
    }

    private long recommendations(YearMonth month, String group, Predicate<Recommendation> which) {
        return recommendations.stream().filter(r -> r.group().equals(group) && r.arrivedIn().equals(month))
                .filter(which).count();
    }

    private static Raw raw(long count) {
        return new Raw(count, 0, 0, 0);
    }

    private static Raw days(List<Long> days) {
        return new Raw(days.size(), 0, days.stream().mapToLong(Long::longValue).sum(),
                days.stream().mapToLong(Long::longValue).max().orElse(0));
    }

    /** One published cell against its raw figure, disclosure-controlled here as NHS Digital does it. */
    private void assertCell(JsonNode report, String measureId, String group, String dimension, String category,
                            Raw raw, String unit) {
        String where = report.get("period").asText() + " " + measureId + " " + group + " " + dimension + " "
                + category;
        JsonNode cell = cell(report, measureId, group, dimension, category);
        assertThat(cell).as(where + ": every category is shown, 0 where it is 0").isNotNull();
        String value = cell.get("value").asText();
        switch (unit) {
            case "PERCENT" -> {
                String numerator = controlled(raw.count());
                String denominator = controlled(raw.denominator());
                assertThat(cell.get("numerator").asText()).as(where + " numerator").isEqualTo(numerator);
                assertThat(cell.get("denominator").asText()).as(where + " denominator").isEqualTo(denominator);
                String percent = numerator.equals("*") || denominator.equals("*") ? "*"
                        : denominator.equals("0") ? "-"
                        : BigDecimal.valueOf(Long.parseLong(numerator) * 100L)
                                .divide(BigDecimal.valueOf(Long.parseLong(denominator)), 1, RoundingMode.HALF_UP)
                                .toPlainString();
                assertThat(value).as(where).isEqualTo(percent);
            }
            case "DAYS" -> {
                assertThat(value).as(where + " how many").isEqualTo(controlled(raw.count()));
                if (raw.count() >= 8) {
                    // The average in whole days; the longest never exact (it is one person's): to the nearest 5
                    // days, at least 5 when positive.
                    assertThat(cell.get("average").asText()).as(where + " average").isEqualTo(
                            BigDecimal.valueOf(raw.sumDays()).divide(BigDecimal.valueOf(raw.count()), 0,
                                    RoundingMode.HALF_UP).toPlainString());
                    String longest = raw.maxDays() == 0 ? "0"
                            : String.valueOf(Math.max(5, Math.round(raw.maxDays() / 5.0) * 5));
                    assertThat(cell.get("longest").asText()).as(where + " longest").isEqualTo(longest);
                } else {
                    assertThat(cell.get("average").asText()).as(where + " average").isEqualTo("*");
                    assertThat(cell.get("longest").asText()).as(where + " longest").isEqualTo("*");
                }
            }
            default -> assertThat(value).as(where).isEqualTo(controlled(raw.count()));
        }
        assertThat(cell.get("suppressed").asBoolean()).as(where + " suppressed").isEqualTo(value.equals("*"));
    }

    /** NHS Digital's disclosure control: 0 stays 0; 1 to 7 "*"; 8 and above to the nearest 5. */
    private String controlled(long count) {
        String published = count == 0 ? "0" : count <= 7 ? "*" : String.valueOf(Math.round(count / 5.0) * 5);
        controlled.add(count + "->" + published);
        return published;
    }

    // ---- the report, read through the gateway ----------------------------------------------------------------------

    private JsonNode report(String period) {
        ApiResponse report = gateway.get("/api/reports/" + period, analyst);
        assertThat(report.status()).as(report.text()).isEqualTo(200);
        return report.json();
    }

    private static JsonNode measure(JsonNode report, String id) {
        for (JsonNode measure : report.get("measures")) {
            if (measure.get("id").asText().equals(id)) {
                return measure;
            }
        }
        throw new AssertionError("no measure " + id + " in the report");
    }

    private static JsonNode cell(JsonNode report, String measureId, String group, String dimension, String category) {
        for (JsonNode cell : measure(report, measureId).get("cells")) {
            if (cell.get("group").asText().equals(group) && cell.get("dimension").asText().equals(dimension)
                    && cell.get("category").asText().equals(category)) {
                return cell;
            }
        }
        return null;
    }

    private static String restatement(JsonNode report, String measure, String group, YearMonth occurredIn) {
        for (JsonNode restated : report.path("restatements")) {
            if (restated.get("measure").asText().equals(measure) && restated.get("group").asText().equals(group)
                    && restated.get("occurredIn").asText().equals(occurredIn.toString())) {
                return restated.get("value").asText();
            }
        }
        return "none";
    }

    private String csvPath(YearMonth month, String measure) {
        return "/api/reports/" + month + "/measures/" + measure + ".csv";
    }

    /** The body exactly as sent, byte for byte. */
    private byte[] bytes(String path, String token, int status) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(system.dsr.gatewayUrl() + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).GET().build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as(path).isEqualTo(status);
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    // ---- steps, as the DSR team does them --------------------------------------------------------------------------

    private List<Seeded> seed(int count, String ageBand, LocalDate born, String locality) {
        List<Seeded> seeded = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Seeded person = new Seeded("Reportjourney" + letters(people.size() + 1), ageBand, born, nextNhsNumber(),
                    locality);
            people.add(person);
            seeded.add(person);
        }
        return seeded;
    }

    private void referred(Seeded person, LocalDate today) {
        Map<String, Object> referral = new HashMap<>(Map.of(
                "givenName", "Elowen", "familyName", person.name, "dateOfBirth", person.born.toString(),
                "nhsNumber", person.nhsNumber, "postcode", person.locality.equals("SWINDON") ? "SN1 1AA" : "SN12 6AA",
                "locality", person.locality, "reasonForReferral", "Placement at risk of breaking down",
                "currentIssues", "Distress at home", "indicativeRag", "GREEN", "diagnosis", "LEARNING_DISABILITY"));
        ApiResponse created = gateway.post("/api/referrals", professional, referral);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        person.personId = created.json().get("personId").asText();
        person.referralId = created.json().get("referralId").asText();
        flows.add(new Flow("referrals-received", "ALL", person, today, YearMonth.from(today), 0, false));
    }

    private void contacted(Seeded person, LocalDate receivedOn, LocalDate today) {
        ApiResponse contacted = gateway.post("/api/referrals/" + person.referralId + "/contact", teamOf(person),
                Map.of());
        assertThat(contacted.status()).as(contacted.text()).isBetween(200, 204);
        // Within 5 working days of receipt: the same day is; a month later is not.
        boolean onTime = ChronoUnit.DAYS.between(receivedOn, today) <= 5;
        flows.add(new Flow("first-contact-on-time", "ALL", person, today, YearMonth.from(today), 0, onTime));
    }

    /** The ethnic category the referrer records (where there is one), then consent recorded by them. */
    private void consentRecorded(Seeded person, LocalDate today) {
        if (person.ethnicCategory != null) {
            ApiResponse recorded = gateway.put("/api/people/" + person.personId + "/demographics", professional,
                    Map.of("ethnicCategory", person.ethnicCategory));
            assertThat(recorded.status()).as(recorded.text()).isBetween(200, 204);
        }
        Map<String, Object> consent = Map.of("personId", person.personId, "basis", "INFORMED_CONSENT",
                "givenBy", "THE_PERSON", "givenOn", today.toString(), "explainedWith", "EASY_READ",
                "formKeptAt", "Scanned to the community learning disability team record");
        ApiResponse[] given = new ApiResponse[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            given[0] = gateway.post("/api/consents", professional, consent);
            return given[0].status() != 404;
        });
        assertThat(given[0].status()).as(given[0].text()).isEqualTo(201);
        person.consentId = given[0].json().get("consentId").asText();
    }

    private void acceptedOnto(Seeded person, LocalDate receivedOn, LocalDate today) {
        ApiResponse[] accepted = new ApiResponse[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            accepted[0] = gateway.post("/api/referrals/" + person.referralId + "/acceptance", teamOf(person),
                    ThroughTheGateway.ALL_CRITERIA_MET);
            return accepted[0].status() != 409;
        });
        assertThat(accepted[0].status()).as(accepted[0].text()).isBetween(200, 201);
        person.acceptedOn = today;
        flows.add(new Flow("referrals-accepted", "ALL", person, today, YearMonth.from(today), 0, false));
        flows.add(new Flow("time-to-decision", "ACCEPTED", person, today, YearMonth.from(today),
                ChronoUnit.DAYS.between(receivedOn, today), false));
    }

    private void rated(Seeded person, String rating, LocalDate today) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            ApiResponse view = gateway.get("/api/ratings/people/" + person.personId, teamOf(person));
            return view.status() == 200 && view.json().path("onRegister").asBoolean();
        });
        ApiResponse rated = gateway.post("/api/ratings/people/" + person.personId, teamOf(person), Map.of(
                "rating", rating, "rationale", "Reviewed with the person and their family",
                "discussedWithPersonAndFamily", true));
        assertThat(rated.status()).as(rated.text()).isEqualTo(201);
        person.ratings.add(Map.entry(today, rating));
    }

    private void awaitRating(Seeded person, String rating) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            ApiResponse view = gateway.get("/api/ratings/people/" + person.personId, teamOf(person));
            return view.status() == 200 && rating.equals(view.json().at("/current/rating").asText());
        });
    }

    private void updatePosted(Seeded person, LocalDate today) {
        ApiResponse posted = gateway.post("/api/ratings/people/" + person.personId + "/updates", teamOf(person),
                Map.of("text", "Fortnightly check-in held; plan unchanged"));
        assertThat(posted.status()).as(posted.text()).isEqualTo(201);
        postings.add(new Posting(person, today, LocalDate.parse(posted.json().get("nextDueOn").asText())));
    }

    private JsonNode awaitObligation(Seeded person, String kind) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            ApiResponse list = gateway.get("/api/ratings/people/" + person.personId + "/obligations", teamOf(person));
            assertThat(list.status()).as(list.text()).isEqualTo(200);
            found[0] = null;
            for (JsonNode obligation : list.json().get("obligations")) {
                if (kind.equals(obligation.get("kind").asText())) {
                    found[0] = obligation;
                }
            }
            assertThat(found[0]).as(kind + " in " + list.text()).isNotNull();
        });
        return found[0];
    }

    /** Every review obligation of this journey's people as risk-service has it (KEYWORKER_REFERRAL is no review). */
    private List<Obligation> obligations() {
        List<Obligation> obligations = new ArrayList<>();
        for (Seeded person : people) {
            if (person.acceptedOn == null) {
                continue;
            }
            ApiResponse list = gateway.get("/api/ratings/people/" + person.personId + "/obligations", teamOf(person));
            assertThat(list.status()).as(list.text()).isEqualTo(200);
            for (JsonNode obligation : list.json().get("obligations")) {
                String kind = obligation.get("kind").asText();
                if (!kind.equals("KEYWORKER_REFERRAL")) {
                    JsonNode completed = obligation.path("completedOn");
                    obligations.add(new Obligation(person, kind, LocalDate.parse(obligation.get("dueOn").asText()),
                            completed.isTextual() ? LocalDate.parse(completed.asText()) : null));
                }
            }
        }
        return obligations;
    }

    private JsonNode person(Seeded person) {
        ApiResponse record = gateway.get("/api/people/" + person.personId, teamOf(person));
        assertThat(record.status()).as(record.text()).isEqualTo(200);
        return record.json();
    }

    private String teamOf(Seeded person) {
        return "SWINDON".equals(person.locality) ? swindonTeam : wiltshireTeam;
    }

    // ---- events published as their producers do -------------------------------------------------------------------

    private void agencyReportsAdmission(String nhsNumber, LocalDate born, LocalDate admittedOn) {
        agencyReports(EventTypes.AGENCY_ADMISSION_REPORTED_V2, nhsNumber, born, "admittedOn", admittedOn);
    }

    private void agencyReportsDischarge(String nhsNumber, LocalDate born, LocalDate dischargedOn) {
        agencyReports(EventTypes.AGENCY_DISCHARGE_REPORTED_V2, nhsNumber, born, "dischargedOn", dischargedOn);
    }

    /** An agency's report on its own topic, from the contract's golden sample, about a person on a day. */
    private void agencyReports(String type, String nhsNumber, LocalDate born, String dayField, LocalDate day) {
        ObjectNode event = goldenSample(type);
        event.put("source", "/agency/" + AGENCY);
        event.put("time", now("referral-service").toString());
        ((ObjectNode) event.get("data")).put("nhsNumber", nhsNumber).put("dateOfBirth", born.toString())
                .put(dayField, day.toString());
        send(Topics.agencyInbound(AGENCY), nhsNumber, event);
    }

    private void recommendationMade(String serviceType, String area, LocalDate madeOn) {
        ObjectNode event = goldenSample(EventTypes.MEETING_RECOMMENDATION_MADE_V1);
        ObjectNode data = (ObjectNode) event.get("data");
        String personId = UUID.randomUUID().toString();
        data.put("recommendationId", UUID.randomUUID().toString()).put("personId", personId)
                .put("meetingId", UUID.randomUUID().toString()).put("serviceType", serviceType).put("area", area)
                .put("madeOn", madeOn.toString());
        publishMeetingEvent(event, personId);
        recommendations.add(new Recommendation("MADE", serviceType, area, madeOn, YearMonth.from(madeOn)));
        made.add(data);
    }

    /** The recommendations made, in order: met and unmet ones refer to them. */
    private final List<ObjectNode> made = new ArrayList<>();

    private void recommendationMet(int which, LocalDate metOn) {
        JsonNode recommendation = made.get(which);
        ObjectNode event = goldenSample(EventTypes.MEETING_RECOMMENDATION_MET_V1);
        ((ObjectNode) event.get("data")).put("recommendationId", recommendation.get("recommendationId").asText())
                .put("personId", recommendation.get("personId").asText())
                .put("serviceType", recommendation.get("serviceType").asText())
                .put("area", recommendation.get("area").asText())
                .put("madeOn", recommendation.get("madeOn").asText()).put("metOn", metOn.toString());
        publishMeetingEvent(event, recommendation.get("personId").asText());
        recommendations.add(new Recommendation("MET", recommendation.get("serviceType").asText(),
                recommendation.get("area").asText(), metOn, YearMonth.from(metOn)));
    }

    private void recommendationUnmet(int which, LocalDate recordedOn, LocalDate publishedOn, LocalDate occurredOn) {
        JsonNode recommendation = made.get(which);
        ObjectNode event = goldenSample(EventTypes.MEETING_RECOMMENDATION_UNMET_V1);
        ((ObjectNode) event.get("data")).put("recommendationId", recommendation.get("recommendationId").asText())
                .put("personId", recommendation.get("personId").asText())
                .put("serviceType", recommendation.get("serviceType").asText())
                .put("area", recommendation.get("area").asText())
                .put("madeOn", recommendation.get("madeOn").asText()).put("recordedOn", recordedOn.toString());
        publishMeetingEvent(event, recommendation.get("personId").asText());
        YearMonth arrived = YearMonth.from(publishedOn).isAfter(YearMonth.from(occurredOn))
                ? YearMonth.from(publishedOn) : YearMonth.from(occurredOn);
        recommendations.add(new Recommendation("UNMET", recommendation.get("serviceType").asText(),
                recommendation.get("area").asText(), occurredOn, arrived));
    }

    /** As meeting-service publishes it: at meeting-service's now, keyed by the person. */
    private void publishMeetingEvent(ObjectNode event, String personId) {
        event.put("subject", personId);
        event.put("time", now("meeting-service").toString());
        assertThat(EventSchemas.envelopeProblems(event)).isEmpty();
        assertThat(EventSchemas.dataProblems(EventCatalogue.of(event.get("type").asText()), event.get("data")))
                .isEmpty();
        send(Topics.MEETING_EVENTS, personId, event);
    }

    private void send(String topic, String key, ObjectNode event) {
        try {
            producer.send(new ProducerRecord<>(topic, key, event.toString().getBytes(StandardCharsets.UTF_8)))
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("could not publish " + event.get("type").asText(), e);
        }
    }

    private static ObjectNode goldenSample(String type) {
        String resource = EventCatalogue.of(type).sampleResource();
        try (InputStream in = ReportingJourneyTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            ObjectNode event = (ObjectNode) ApiClient.JSON.readTree(in);
            event.put("id", UUID.randomUUID().toString());
            return event;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- clocks ----------------------------------------------------------------------------------------------------

    /**
     * Every service to 10:00 on a day in England (elapsed time: from wherever each clock is), so that a journey
     * running near midnight never has a step's events fall on the next day.
     */
    private void moveEveryServiceTo(LocalDate day) {
        Instant target = day.atTime(10, 0).atZone(ENGLAND).toInstant();
        for (String service : SERVICES) {
            Duration ahead = Duration.between(now(service), target);
            if (!ahead.isNegative() && !ahead.isZero()) {
                system.advanceClock(service, ahead.toString());
            }
            assertThat(today(service)).as(service + "'s day").isEqualTo(day);
        }
    }

    private Instant now(String service) {
        ApiResponse now = new ApiClient(system.dsr.serviceUrl(service)).get("/testing/clock", null);
        assertThat(now.status()).as(now.text()).isEqualTo(200);
        return Instant.parse(now.json().get("now").asText());
    }

    private LocalDate today(String service) {
        return LocalDate.ofInstant(now(service), ENGLAND);
    }

    // ---- test people -----------------------------------------------------------------------------------------------

    /** NHS numbers 999 44x xxxx: no other journey's. */
    private String nextNhsNumber() {
        while (true) {
            String nine = String.format("99944%04d", nhsNumbers.incrementAndGet());
            try {
                return ThroughTheGateway.testNhsNumber(nine);
            } catch (IllegalArgumentException noCheckDigit) {
                // the next one
            }
        }
    }

    private static String letters(int n) {
        StringBuilder letters = new StringBuilder();
        int rest = n;
        do {
            letters.insert(0, (char) ('a' + rest % 26));
            rest = rest / 26;
        } while (rest > 0);
        return letters.toString();
    }
}
