package org.opendsr.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendsr.contracts.EventTypes;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.referral.register.application.NoticingEighteenthBirthdays;
import org.opendsr.testclock.MovableClock;
import org.opendsr.testkit.ApiClient;
import org.opendsr.testkit.ApiClient.ApiResponse;
import org.opendsr.testkit.TestTokens;

/**
 * The daily turning-18 job with the service's clock moved: a person known to the DSR as a child is announced on the
 * first day of the month two months before the one in which they turn 18 (PersonTurning18: the month and the last day
 * to renew consent by, never the date of birth, and an event time that is the announcement, never the birthday), before
 * consent renewal at 18 is "due soon", once, however often the job runs and with two replicas running it at once; a
 * month the job missed is caught up; someone referred as an adult is not announced, nor anyone whose self or family
 * referral was never completed (nobody else knows them) until it is; nothing on dsr.referral.events about them carries
 * their date of birth or birthday.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EighteenthBirthdaysTest extends ReferralServiceUnderTest {

    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    @Inject
    MovableClock clock;

    @Inject
    NoticingEighteenthBirthdays job;

    private String referrer;

    @BeforeAll
    void signIn() {
        referrer = TestTokens.get().tokenFor("sam.patel@swindon-cldt.example", DsrRoles.PROFESSIONAL);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ENGLAND));
    }

    /** Someone referred now, born on the day given. */
    private String referredPersonBorn(LocalDate dateOfBirth) {
        return journeys.refer(referrer, ReferralRequests.aReferralOfSomeoneNew().with("dateOfBirth", dateOfBirth.toString()))
                .get("personId").asText();
    }

    /** Moves the service's clock to 00:30 in England on the first day of {@code month}, when the job runs. */
    private void moveTo(YearMonth month) {
        Instant jobTime = month.atDay(1).atTime(0, 30).atZone(ENGLAND).toInstant();
        clock.advance(Duration.between(clock.instant(), jobTime));
    }

    @Test
    void aChildKnownToTheDsrIsAnnouncedOnceOnTheFirstOfTheMonthTwoMonthsBeforeTheOneInWhichTheyTurn18() {
        // Turns 18 three months on: consent given for them as a child is due by the end of that month, and is "due
        // soon" 30 days before, as yearly renewal is; the announcement must come before then.
        YearMonth next = YearMonth.from(today()).plusMonths(3);
        LocalDate birthday = next.atDay(20);
        LocalDate dateOfBirth = birthday.minusYears(18);
        String personId = referredPersonBorn(dateOfBirth);

        runThroughTheApi();
        assertThat(database.count("SELECT count(*) FROM age_milestone WHERE milestone = 'TURNED_18' AND person_id = ?::uuid", personId))
                .as("three months ahead: too early").isZero();

        moveTo(next.minusMonths(2));
        // The outbox stamps an event when it is written (the database's time, not the service's moved clock).
        Instant announcing = Instant.now();
        NoticingEighteenthBirthdays.Run run = job.run();
        runThroughTheApi();
        Instant announced = Instant.now();

        assertThat(next.atEndOfMonth().minusDays(30)).as("the renewal window opens after the announcement")
                .isAfter(today());
        assertThat(run.ranHere()).isTrue();
        ConsumerRecord<String, String> record = events.awaitRecord(EventTypes.PERSON_TURNING_18_V1, personId);
        JsonNode event = EventsOnTopics.json(record.value());
        assertThat(event.get("data").get("turns18In").asText()).isEqualTo(next.toString());
        assertThat(event.get("data").get("consentRenewalDueBy").asText()).isEqualTo(next.atEndOfMonth().toString());
        assertThat(Instant.parse(event.get("time").asText()))
                .as("the time of the announcement (a first of the month in production), not the birthday")
                .isBetween(announcing.minusSeconds(1), announced.plusSeconds(1));
        assertThat(database.outboxEvents(EventTypes.PERSON_TURNING_18_V1, personId))
                .as("announced once however often the job runs").isOne();
        assertThat(database.outboxEvents(EventTypes.PERSON_TURNED_18_V1, personId))
                .as("the day-precise event is no longer published").isZero();
        assertNoEventGivesTheDateOfBirthAway(personId, dateOfBirth);
    }

    @Test
    void aSelfOrFamilyReferralNeverCompletedIsNotAnnouncedUntilOtherServicesKnowThePerson() {
        // They said their date of birth, but the referral was never completed: nobody outside referral-service has
        // heard of them, so announcing them would only dead-letter at consent-service (a false alert).
        LocalDate dateOfBirth = today().minusYears(18).minusDays(3);
        ApiResponse taken = api.post("/referrals/self-or-family", journeys.dsrTeam(), java.util.Map.of(
                "givenName", "Kerensa" + TestNames.suffix(), "familyName", "Trevithick", "postcode", "SN1 2JH",
                "phone", "07700 900123", "dateOfBirth", dateOfBirth.toString(), "locality", "SWINDON"));
        assertThat(taken.status()).as(taken.text()).isEqualTo(201);
        String personId = taken.json().get("personId").asText();
        String referralId = taken.json().get("referralId").asText();
        database.personFirstRecordedAt(personId, clock.instant().minus(Duration.ofDays(40)));

        runThroughTheApi();

        assertThat(database.count("SELECT count(*) FROM age_milestone WHERE milestone = 'TURNED_18' AND person_id = ?::uuid", personId))
                .as("not recorded, so it is announced once they are known").isZero();
        assertThat(database.outboxEvents(EventTypes.PERSON_TURNING_18_V1, personId)).isZero();

        ApiResponse completed = api.post("/referrals/" + referralId + "/completion", journeys.dsrTeam(),
                java.util.Map.of("dateOfBirth", dateOfBirth.toString(), "locality", "SWINDON",
                        "reasonForReferral", "Family asking for help", "currentIssues", "Distress at home"));
        assertThat(completed.status()).as(completed.text()).isEqualTo(200);
        runThroughTheApi();

        assertThat(database.outboxEvents(EventTypes.PERSON_TURNING_18_V1, personId)).isOne();
        events.awaitRecord(EventTypes.PERSON_TURNING_18_V1, personId);
        List<String> types = events.everyEventAbout(personId).stream()
                .map(record -> EventsOnTopics.json(record.value()).get("type").asText()).toList();
        assertThat(types).as("announced after the referral that made them known")
                .containsSubsequence(EventTypes.REFERRAL_RECEIVED_V1, EventTypes.PERSON_TURNING_18_V1);
    }

    /** POST /register/age-milestones, as a DSR lead: the run the daily schedule makes. */
    private JsonNode runThroughTheApi() {
        ApiResponse run = api.post("/register/age-milestones", journeys.dsrLead(), java.util.Map.of());
        assertThat(run.status()).as(run.text()).isEqualTo(200);
        return run.json();
    }

    @Test
    void aMonthTheJobMissedIsCaughtUp() {
        // Turned 18 five days ago; not on a month's last day, which is also the renewal's due date (the end of the
        // month they turn 18): the check below would then find "the birthday" in every announcement of that month.
        LocalDate birthday = today().minusDays(5);
        if (birthday.equals(YearMonth.from(birthday).atEndOfMonth())) {
            birthday = birthday.minusDays(1);
        }
        LocalDate dateOfBirth = birthday.minusYears(18);
        String personId = referredPersonBorn(dateOfBirth);
        database.personFirstRecordedAt(personId, clock.instant().minus(Duration.ofDays(40)));

        job.run();

        JsonNode data = events.awaitEvent(EventTypes.PERSON_TURNING_18_V1, personId);
        assertThat(data.get("turns18In").asText()).isEqualTo(YearMonth.from(dateOfBirth.plusYears(18)).toString());
        assertNoEventGivesTheDateOfBirthAway(personId, dateOfBirth);
    }

    @Test
    void someoneReferredAsAnAdultIsNotAnnounced() {
        String personId = referredPersonBorn(today().minusYears(18).minusDays(3));
        String onTheirBirthday = referredPersonBorn(today().minusYears(18));

        job.run();

        assertThat(database.count("SELECT count(*) FROM age_milestone WHERE milestone = 'TURNED_18' "
                + "AND person_id IN (?::uuid, ?::uuid)", personId,
                onTheirBirthday)).isZero();
        assertThat(database.outboxEvents(EventTypes.PERSON_TURNING_18_V1, personId)).isZero();
        assertThat(database.outboxEvents(EventTypes.PERSON_TURNING_18_V1, onTheirBirthday)).isZero();
    }

    @Test
    void twoReplicasRunningTheJobAtOnceAnnounceEachPersonOnce() throws Exception {
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String personId = referredPersonBorn(today().minusYears(18).minusDays(i + 1));
            database.personFirstRecordedAt(personId, clock.instant().minus(Duration.ofDays(30)));
            people.add(personId);
        }
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier together = new CyclicBarrier(2);
            List<CompletableFuture<NoticingEighteenthBirthdays.Run>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(CompletableFuture.supplyAsync(() -> {
                    await(together);
                    return job.run();
                }, replicas));
            }
            for (CompletableFuture<NoticingEighteenthBirthdays.Run> run : runs) {
                run.get(30, TimeUnit.SECONDS);
            }
        } finally {
            replicas.shutdownNow();
        }
        for (String personId : people) {
            events.awaitRecord(EventTypes.PERSON_TURNING_18_V1, personId);
            assertThat(database.outboxEvents(EventTypes.PERSON_TURNING_18_V1, personId)).isOne();
            assertThat(database.count("SELECT count(*) FROM age_milestone WHERE milestone = 'TURNED_18' AND person_id = ?::uuid", personId))
                    .isEqualTo(1);
        }
    }

    @Test
    void theJobIsOnTheAuditTrailOfThoseItAnnounces() {
        String personId = referredPersonBorn(today().minusYears(18).minusDays(1));
        database.personFirstRecordedAt(personId, clock.instant().minus(Duration.ofDays(10)));

        job.run();

        JsonNode trail = new ApiClient(server.getURL().toString()).get("/people/" + personId + "/audit",
                journeys.dsrLead()).json();
        assertThat(trail.get("items")).anySatisfy(entry -> {
            assertThat(entry.get("actor").asText()).isEqualTo("/dsr/referral-service");
            assertThat(entry.get("purpose").asText()).isEqualTo("AGE_MILESTONE");
        });
    }

    /**
     * Nothing referral-service published about the person (any type, key, header or envelope) carries their date of
     * birth or their 18th birthday, nor has the birthday as its time: other services must not learn either.
     */
    private void assertNoEventGivesTheDateOfBirthAway(String personId, LocalDate dateOfBirth) {
        LocalDate birthday = dateOfBirth.plusYears(18);
        List<ConsumerRecord<String, String>> published = events.everyEventAbout(personId);
        assertThat(published).isNotEmpty();
        for (ConsumerRecord<String, String> record : published) {
            EventContractsProducerTest.assertCarriesNothingIdentifying(record, List.of(dateOfBirth.toString(),
                    birthday.toString()));
            JsonNode time = EventsOnTopics.json(record.value()).get("time");
            if (time != null && !time.isNull()) {
                assertThat(LocalDate.ofInstant(Instant.parse(time.asText()), ENGLAND))
                        .as("the time of %s", EventsOnTopics.json(record.value()).get("type"))
                        .isNotEqualTo(birthday);
            }
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
