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
import org.opendsr.testkit.TestTokens;

/**
 * The daily turning-18 job with the service's clock moved: a person known to the DSR as a child is announced on the
 * first day of the month in which they turn 18 (PersonTurning18: the month and the last day to renew consent by, never
 * the date of birth, and an event time that is the announcement, never the birthday) once, however often the job runs
 * and with two replicas running it at once; a month the job missed is caught up; someone referred as an adult is not
 * announced; nothing on dsr.referral.events about them carries their date of birth or birthday.
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
    void aChildKnownToTheDsrIsAnnouncedOnTheFirstOfTheMonthInWhichTheyTurn18Once() {
        YearMonth next = YearMonth.from(today()).plusMonths(1);
        LocalDate birthday = next.atDay(20);
        LocalDate dateOfBirth = birthday.minusYears(18);
        String personId = referredPersonBorn(dateOfBirth);

        job.run();
        assertThat(database.count("SELECT count(*) FROM age_milestone WHERE person_id = ?::uuid", personId))
                .as("the month they turn 18 has not begun").isZero();

        moveTo(next);
        // The outbox stamps an event when it is written (the database's time, not the service's moved clock).
        Instant announcing = Instant.now();
        NoticingEighteenthBirthdays.Run run = job.run();
        job.run();
        Instant announced = Instant.now();

        assertThat(run.ranHere()).isTrue();
        ConsumerRecord<String, String> record = events.awaitRecord(EventTypes.PERSON_TURNING_18_V1, personId);
        JsonNode event = EventsOnTopics.json(record.value());
        assertThat(event.get("data").get("turns18In").asText()).isEqualTo(next.toString());
        assertThat(event.get("data").get("consentRenewalDueBy").asText()).isEqualTo(next.atEndOfMonth().toString());
        assertThat(Instant.parse(event.get("time").asText()))
                .as("the time of the announcement (the first of the month in production), not the birthday")
                .isBetween(announcing.minusSeconds(1), announced.plusSeconds(1));
        assertThat(database.outboxEvents(EventTypes.PERSON_TURNING_18_V1, personId))
                .as("announced once however often the job runs").isOne();
        assertThat(database.outboxEvents(EventTypes.PERSON_TURNED_18_V1, personId))
                .as("the day-precise event is no longer published").isZero();
        assertNoEventGivesTheDateOfBirthAway(personId, dateOfBirth);
    }

    @Test
    void aMonthTheJobMissedIsCaughtUp() {
        LocalDate dateOfBirth = today().minusYears(18).minusDays(5);
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

        assertThat(database.count("SELECT count(*) FROM age_milestone WHERE person_id IN (?::uuid, ?::uuid)", personId,
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
            assertThat(database.count("SELECT count(*) FROM age_milestone WHERE person_id = ?::uuid", personId))
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
