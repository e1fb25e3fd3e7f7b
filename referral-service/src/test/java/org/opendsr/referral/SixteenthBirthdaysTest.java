package org.opendsr.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendsr.contracts.EventTypes;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.testclock.MovableClock;
import org.opendsr.testkit.ApiClient;
import org.opendsr.testkit.ApiClient.ApiResponse;
import org.opendsr.testkit.TestTokens;

/**
 * The Mental Capacity Act 2005 applies from 16, and the age band 14-17 straddles it. A referral says whether the
 * person was under 16 then ({@code under16} on {@code dsr.referral.received.v1}); the age-milestones run (daily, or on
 * demand through {@code POST /register/age-milestones}) announces {@code dsr.person.turned-16.v1} on the first day of
 * the month after their 16th birthday's: the month only, never the day, with an event time that is the
 * announcement, never the birthday. Once, however often it runs; someone 16 or 17 not yet announced (an older record)
 * is caught up; nobody under 16 or already 18 is announced.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SixteenthBirthdaysTest extends ReferralServiceUnderTest {

    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    @Inject
    MovableClock clock;

    private String referrer;
    private ApiClient api;

    @BeforeAll
    void signIn() {
        referrer = TestTokens.get().tokenFor("sam.patel@swindon-cldt.example", DsrRoles.PROFESSIONAL);
        api = new ApiClient(server.getURL().toString());
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

    /** The on-demand run, as a DSR lead calls it. */
    private JsonNode runAgeMilestones() {
        ApiResponse run = api.post("/register/age-milestones", journeys.dsrLead(), java.util.Map.of());
        assertThat(run.status()).as(run.text()).isEqualTo(200);
        assertThat(run.json().get("ranHere").asBoolean()).isTrue();
        return run.json();
    }

    private long milestonesOf(String personId) {
        return database.count("SELECT count(*) FROM age_milestone WHERE person_id = ?::uuid AND milestone = 'TURNED_16'",
                personId);
    }

    @Test
    void someoneReferredAt15IsUnder16UntilTheFirstOfTheMonthAfterTheir16thBirthday() {
        YearMonth birthdayMonth = YearMonth.from(today()).plusMonths(1);
        LocalDate birthday = birthdayMonth.atDay(20);
        LocalDate dateOfBirth = birthday.minusYears(16);
        String personId = referredPersonBorn(dateOfBirth);

        JsonNode referral = events.awaitEvent(EventTypes.REFERRAL_RECEIVED_V1, personId);
        assertThat(referral.get("ageBand").asText()).isEqualTo("AGE_14_TO_17");
        assertThat(referral.get("under16").asBoolean()).as("15 at referral").isTrue();

        runAgeMilestones();
        moveTo(birthdayMonth);
        runAgeMilestones();
        assertThat(milestonesOf(personId)).as("not before the month of the birthday has ended").isZero();

        moveTo(birthdayMonth.plusMonths(1));
        // The outbox stamps an event when it is written (the database's time, not the service's moved clock).
        Instant announcing = Instant.now();
        JsonNode run = runAgeMilestones();
        runAgeMilestones();
        Instant announced = Instant.now();

        assertThat(run.get("turned16").asInt()).isPositive();
        ConsumerRecord<String, String> record = events.awaitRecord(EventTypes.PERSON_TURNED_16_V1, personId);
        JsonNode event = EventsOnTopics.json(record.value());
        assertThat(event.get("data").get("turned16In").asText()).isEqualTo(birthdayMonth.toString());
        assertThat(Instant.parse(event.get("time").asText()))
                .as("the time of the announcement (the first of the month in production), not the birthday")
                .isBetween(announcing.minusSeconds(1), announced.plusSeconds(1));
        assertThat(database.outboxEvents(EventTypes.PERSON_TURNED_16_V1, personId))
                .as("announced once however often the job runs").isOne();
        assertNoEventGivesTheDateOfBirthAway(personId, dateOfBirth, birthday);
    }

    @Test
    void someoneReferredAt16IsNotUnder16AndSomeone16Or17NotYetAnnouncedIsCaughtUp() {
        LocalDate dateOfBirth = today().minusYears(17).minusDays(40);
        String personId = referredPersonBorn(dateOfBirth);

        JsonNode referral = events.awaitEvent(EventTypes.REFERRAL_RECEIVED_V1, personId);
        assertThat(referral.get("ageBand").asText()).isEqualTo("AGE_14_TO_17");
        assertThat(referral.get("under16").asBoolean()).as("17 at referral").isFalse();

        runAgeMilestones();

        // A referral from before under16 existed left only the band 14-17: the announcement settles it.
        JsonNode data = events.awaitEvent(EventTypes.PERSON_TURNED_16_V1, personId);
        assertThat(data.get("turned16In").asText()).isEqualTo(YearMonth.from(dateOfBirth.plusYears(16)).toString());
        assertNoEventGivesTheDateOfBirthAway(personId, dateOfBirth, dateOfBirth.plusYears(16));
    }

    @Test
    void nobodyUnder16OrAlready18IsAnnounced() {
        String fifteen = referredPersonBorn(today().minusYears(16).plusDays(3));
        String eighteen = referredPersonBorn(today().minusYears(18).minusDays(3));

        runAgeMilestones();

        assertThat(milestonesOf(fifteen)).isZero();
        assertThat(milestonesOf(eighteen)).isZero();
        assertThat(database.outboxEvents(EventTypes.PERSON_TURNED_16_V1, fifteen)).isZero();
        assertThat(database.outboxEvents(EventTypes.PERSON_TURNED_16_V1, eighteen)).isZero();
        assertThat(events.awaitEvent(EventTypes.REFERRAL_RECEIVED_V1, eighteen).get("under16").asBoolean()).isFalse();
    }

    /**
     * Nothing referral-service published about the person (any type, key, header or envelope) carries their date of
     * birth or their 16th birthday, nor has the birthday as its time.
     */
    private void assertNoEventGivesTheDateOfBirthAway(String personId, LocalDate dateOfBirth, LocalDate birthday) {
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
}
