package org.opendsr.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
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
 * The daily 18th-birthday job with the service's clock moved: a person known to the DSR as a child is announced as an
 * adult on their birthday (PersonTurned18: an age band and ADULT, never the date of birth) once, however often the job
 * runs and with two replicas running it at once; a birthday the job missed is caught up; someone referred as an adult
 * is not announced.
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

    @Test
    void aChildKnownToTheDsrIsAnnouncedAsAnAdultOnTheirEighteenthBirthdayOnce() {
        LocalDate dateOfBirth = today().minusYears(18).plusDays(2);
        String personId = referredPersonBorn(dateOfBirth);

        job.run();
        assertThat(database.count("SELECT count(*) FROM age_milestone WHERE person_id = ?::uuid", personId))
                .as("two days before the birthday").isZero();

        clock.advance(Duration.ofDays(2));
        NoticingEighteenthBirthdays.Run run = job.run();
        job.run();

        assertThat(run.ranHere()).isTrue();
        ConsumerRecord<String, String> record = events.awaitRecord(EventTypes.PERSON_TURNED_18_V1, personId);
        JsonNode data = EventsOnTopics.json(record.value()).get("data");
        assertThat(data.get("lifeStage").asText()).isEqualTo("ADULT");
        assertThat(data.get("ageBand").asText()).isEqualTo("AGE_18_TO_24");
        EventContractsProducerTest.assertCarriesNothingIdentifying(record, List.of(dateOfBirth.toString(),
                dateOfBirth.plusYears(18).toString(), "Brackenbury", "SN1 2JH"));
        assertThat(database.outboxEvents(EventTypes.PERSON_TURNED_18_V1, personId))
                .as("announced once however often the job runs").isOne();
        JsonNode trail = journeys.person(personId);
        assertThat(trail.get("lifeStage").asText()).isEqualTo("ADULT");
    }

    @Test
    void aBirthdayTheJobMissedIsCaughtUp() {
        String personId = referredPersonBorn(today().minusYears(18).minusDays(5));
        database.personFirstRecordedAt(personId, clock.instant().minus(Duration.ofDays(40)));

        job.run();

        assertThat(events.awaitEvent(EventTypes.PERSON_TURNED_18_V1, personId).get("lifeStage").asText()).isEqualTo("ADULT");
    }

    @Test
    void someoneReferredAsAnAdultIsNotAnnounced() {
        String personId = referredPersonBorn(today().minusYears(18).minusDays(3));
        String onTheirBirthday = referredPersonBorn(today().minusYears(18));

        job.run();

        assertThat(database.count("SELECT count(*) FROM age_milestone WHERE person_id IN (?::uuid, ?::uuid)", personId,
                onTheirBirthday)).isZero();
        assertThat(database.outboxEvents(EventTypes.PERSON_TURNED_18_V1, personId)).isZero();
        assertThat(database.outboxEvents(EventTypes.PERSON_TURNED_18_V1, onTheirBirthday)).isZero();
    }

    @Test
    void twoReplicasRunningTheJobAtOnceAnnounceEachBirthdayOnce() throws Exception {
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
            int announced = 0;
            for (CompletableFuture<NoticingEighteenthBirthdays.Run> run : runs) {
                announced += run.get(30, TimeUnit.SECONDS).turned18();
            }
            assertThat(announced).isEqualTo(people.size());
        } finally {
            replicas.shutdownNow();
        }
        for (String personId : people) {
            events.awaitRecord(EventTypes.PERSON_TURNED_18_V1, personId);
            assertThat(database.outboxEvents(EventTypes.PERSON_TURNED_18_V1, personId)).isOne();
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

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
