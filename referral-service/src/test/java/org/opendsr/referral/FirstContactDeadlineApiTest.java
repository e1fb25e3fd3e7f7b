package org.opendsr.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendsr.contracts.EventTypes;
import org.opendsr.kit.calendar.WorkingDays;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.testclock.MovableClock;
import org.opendsr.testkit.TestTokens;

/**
 * Issue 15: the first-contact deadline counts working days of 09:00-17:00 in England. A referral received at 17:30 on
 * a Monday counts from Tuesday, so it is due on the Tuesday after, one working day later than a referral received at
 * 16:59 that Monday: as the receipt says, as the referral is stored, and as ReferralContacted publishes it. (Every
 * case of the rule, weekends and bank holidays included: FirstContactDeadlineTest.)
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FirstContactDeadlineApiTest extends ReferralServiceUnderTest {

    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    @Inject
    MovableClock clock;

    @Inject
    WorkingDays workingDays;

    private String referrer;

    @BeforeAll
    void signIn() {
        referrer = TestTokens.get().tokenFor("sam.patel@swindon-cldt.example", DsrRoles.PROFESSIONAL);
    }

    @AfterEach
    void backToRealTime() {
        clock.advance(clock.offset().negated());
    }

    /** The next Monday with no bank holiday in the 9 days from it, so the expected dates are plain counting. */
    private LocalDate anOrdinaryMonday() {
        LocalDate monday = LocalDate.now(clock.withZone(ENGLAND)).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        while (!monday.datesUntil(monday.plusDays(9)).filter(day -> day.getDayOfWeek().getValue() < 6)
                .allMatch(day -> workingDays.current().isWorkingDay(day))) {
            monday = monday.plusWeeks(1);
        }
        return monday;
    }

    private void moveTo(LocalDate day, LocalTime time) {
        clock.advance(Duration.between(clock.instant(), day.atTime(time).atZone(ENGLAND).toInstant()));
    }

    private String storedDueOn(String referralId) {
        return database.column("SELECT first_contact_due_on FROM referral WHERE id = ?::uuid", referralId).get(0);
    }

    @Test
    void aReferralReceivedAt1730OnAMondayCountsFromTuesday() {
        LocalDate monday = anOrdinaryMonday();
        LocalDate nextMonday = monday.plusWeeks(1);
        LocalDate tuesdayWeek = monday.plusDays(8);

        moveTo(monday, LocalTime.of(16, 59));
        JsonNode inTheWorkingDay = journeys.refer(referrer, ReferralRequests.aReferralOfSomeoneNew());
        moveTo(monday, LocalTime.of(17, 30));
        JsonNode afterIt = journeys.refer(referrer, ReferralRequests.aReferralOfSomeoneNew());

        assertThat(inTheWorkingDay.get("firstContactDueOn").asText()).as("16:59: counts from Monday")
                .isEqualTo(nextMonday.toString());
        assertThat(afterIt.get("firstContactDueOn").asText()).as("17:30: counts from Tuesday")
                .isEqualTo(tuesdayWeek.toString());
        String referralId = afterIt.get("referralId").asText();
        assertThat(storedDueOn(referralId)).isEqualTo(tuesdayWeek.toString());

        // Contacted on the Tuesday after: in time, and published with the deadline it met.
        moveTo(tuesdayWeek, LocalTime.of(15, 0));
        JsonNode contacted = journeys.contact(referralId);
        assertThat(contacted.get("contactedWithinDeadline").asBoolean()).isTrue();
        JsonNode published = events.awaitEvent(EventTypes.REFERRAL_CONTACTED_V1, afterIt.get("personId").asText());
        assertThat(published.get("firstContactDueOn").asText()).isEqualTo(tuesdayWeek.toString());
        assertThat(published.get("withinDeadline").asBoolean()).isTrue();
    }
}
