package org.opendsr.risk.updates.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opendsr.contracts.common.RagRating.AMBER;
import static org.opendsr.contracts.common.RagRating.BLUE;
import static org.opendsr.contracts.common.RagRating.GREEN;
import static org.opendsr.contracts.common.RagRating.RED;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.opendsr.kit.rules.RuleBroken;

/**
 * DOMAIN.md "Risk rating", updates box: "the responsible professional posts a brief update at least every 14 days for
 * RED and AMBER, every month for GREEN, before the tracking meetings; overdue updates are flagged" (Staffordshire:
 * "a minimum of fortnightly for Red and Amber and monthly for Green").
 */
class UpdateScheduleTest {

    private static final Period FORTNIGHT = Period.ofDays(14);
    private static final Period MONTH = Period.ofMonths(1);
    private static final UUID PERSON = UUID.fromString("6a4c0d1e-0000-4000-8000-000000000012");

    private static LocalDate day(String text) {
        return LocalDate.parse(text);
    }

    private static Instant noonOn(String text) {
        return Instant.parse(text + "T12:00:00Z");
    }

    private static UpdateSchedule amberFrom(String ratedOn) {
        return UpdateSchedule.startedBy(PERSON, AMBER, FORTNIGHT, day(ratedOn));
    }

    @Nested
    @DisplayName("The next update is due a cadence after the last one")
    class NextDue {

        @Test
        void withNoUpdateYetTheFirstIsDueACadenceAfterTheRatingStarted() {
            assertThat(amberFrom("2026-12-01").nextDueOn()).isEqualTo(day("2026-12-15"));
        }

        @Test
        void postingAnUpdateMovesTheNextDueDateACadenceOnFromIt() {
            UpdateSchedule posted = amberFrom("2026-12-01").updatePosted(noonOn("2026-12-10"), day("2026-12-10"),
                    FORTNIGHT);

            assertThat(posted.nextDueOn()).isEqualTo(day("2026-12-24"));
            assertThat(posted.lastUpdateOn()).isEqualTo(day("2026-12-10"));
        }

        @Test
        void greenFrom31JanuaryIsDueOnTheLastDayOfFebruary() {
            UpdateSchedule green = UpdateSchedule.startedBy(PERSON, GREEN, MONTH, day("2027-01-31"));

            assertThat(green.nextDueOn()).isEqualTo(day("2027-02-28"));
        }
    }

    @Nested
    @DisplayName("An update not posted by its due date is overdue, and announced once")
    class Overdue {

        @Test
        void onTheDueDateItIsNotYetOverdue() {
            assertThat(amberFrom("2026-12-01").sweep(day("2026-12-15"))).isEmpty();
        }

        @Test
        void theDayAfterTheDueDateItIsOverdue() {
            UpdateSchedule.BecameOverdue overdue = amberFrom("2026-12-01").sweep(day("2026-12-16")).orElseThrow();

            assertThat(overdue.dueOn()).isEqualTo(day("2026-12-15"));
            assertThat(overdue.rating()).isEqualTo(AMBER);
            assertThat(overdue.schedule().overdueSince()).isEqualTo(day("2026-12-16"));
            assertThat(overdue.schedule().overdueAnnounced()).isTrue();
            assertThat(overdue.schedule().daysOverdueOn(day("2026-12-20"))).isEqualTo(5);
        }

        @Test
        void aSecondSweepAnnouncesNothingNew() {
            UpdateSchedule overdue = amberFrom("2026-12-01").sweep(day("2026-12-16")).orElseThrow().schedule();

            assertThat(overdue.sweep(day("2026-12-16"))).isEmpty();
            assertThat(overdue.sweep(day("2027-01-30"))).isEmpty();
        }

        @Test
        void postingAnUpdateClearsTheOverdue() {
            UpdateSchedule overdue = amberFrom("2026-12-01").sweep(day("2026-12-16")).orElseThrow().schedule();

            UpdateSchedule posted = overdue.updatePosted(noonOn("2026-12-18"), day("2026-12-18"), FORTNIGHT);

            assertThat(posted.isOverdue()).isFalse();
            assertThat(posted.overdueAnnounced()).isFalse();
            assertThat(posted.nextDueOn()).isEqualTo(day("2027-01-01"));
        }

        @Test
        void theNextMissedDateIsAnnouncedAgain() {
            UpdateSchedule posted = amberFrom("2026-12-01").sweep(day("2026-12-16")).orElseThrow().schedule()
                    .updatePosted(noonOn("2026-12-18"), day("2026-12-18"), FORTNIGHT);

            assertThat(posted.sweep(day("2027-01-02"))).map(UpdateSchedule.BecameOverdue::dueOn)
                    .contains(day("2027-01-01"));
        }
    }

    @Nested
    @DisplayName("A rating change sets the cadence but never moves a due update later: the earlier date wins")
    class RatingChanges {

        @Test
        void goingFromGreenToRedBringsTheNextUpdateForwardFromTheLastOne() {
            UpdateSchedule green = UpdateSchedule.startedBy(PERSON, GREEN, MONTH, day("2026-11-01"))
                    .updatePosted(noonOn("2026-12-01"), day("2026-12-01"), MONTH);

            UpdateSchedule red = green.ratingChanged(RED, FORTNIGHT, day("2026-12-05"));

            assertThat(red.cadence()).isEqualTo(FORTNIGHT);
            assertThat(red.nextDueOn()).isEqualTo(day("2026-12-15"));
            assertThat(red.ratingSinceOn()).isEqualTo(day("2026-12-05"));
        }

        @Test
        void aShorterCadenceCanMakeAnUpdateDueAtOnceAndTheSweepFlagsIt() {
            UpdateSchedule green = UpdateSchedule.startedBy(PERSON, GREEN, MONTH, day("2026-11-01"))
                    .updatePosted(noonOn("2026-12-01"), day("2026-12-01"), MONTH);

            UpdateSchedule red = green.ratingChanged(RED, FORTNIGHT, day("2026-12-20"));

            assertThat(red.nextDueOn()).isEqualTo(day("2026-12-15"));
            assertThat(red.sweep(day("2026-12-20"))).map(UpdateSchedule.BecameOverdue::dueOn)
                    .contains(day("2026-12-15"));
        }

        @Test
        void anUpdateOverdueUnderTheOldCadenceStaysOverdueAfterALongerOne() {
            UpdateSchedule overdueAmber = amberFrom("2026-12-01").sweep(day("2026-12-16")).orElseThrow().schedule();

            UpdateSchedule green = overdueAmber.ratingChanged(GREEN, MONTH, day("2026-12-17"));

            assertThat(green.isOverdue()).isTrue();
            assertThat(green.nextDueOn()).isEqualTo(day("2026-12-15"));
            assertThat(green.cadence()).isEqualTo(MONTH);
            // Already announced for that date: not announced again.
            assertThat(green.sweep(day("2026-12-18"))).isEmpty();
        }

        @Test
        void anUpdateMissedBeforeTheSweepRanStaysDueOnTheMissedDate() {
            UpdateSchedule amber = amberFrom("2026-12-01");

            UpdateSchedule green = amber.ratingChanged(GREEN, MONTH, day("2026-12-16"));

            assertThat(green.nextDueOn()).isEqualTo(day("2026-12-15"));
            assertThat(green.sweep(day("2026-12-16"))).map(UpdateSchedule.BecameOverdue::rating).contains(GREEN);
        }

        @Test
        void onceTheOverdueUpdateIsPostedTheNewCadenceApplies() {
            UpdateSchedule green = amberFrom("2026-12-01").sweep(day("2026-12-16")).orElseThrow().schedule()
                    .ratingChanged(GREEN, MONTH, day("2026-12-17"));

            UpdateSchedule posted = green.updatePosted(noonOn("2026-12-18"), day("2026-12-18"), MONTH);

            assertThat(posted.isOverdue()).isFalse();
            assertThat(posted.nextDueOn()).isEqualTo(day("2027-01-18"));
        }

        @Test
        void raisingGreenToRedLateInTheMonthKeepsTheGreenDueDate() {
            // GREEN from day 0 with no update: due on day 30. RED on day 25 would give day 39: the earlier stays.
            UpdateSchedule green = UpdateSchedule.startedBy(PERSON, GREEN, MONTH, day("2026-11-01"));
            assertThat(green.nextDueOn()).isEqualTo(day("2026-12-01"));

            UpdateSchedule red = green.ratingChanged(RED, FORTNIGHT, day("2026-11-26"));

            assertThat(red.nextDueOn()).isEqualTo(day("2026-12-01"));
            assertThat(red.cadence()).isEqualTo(FORTNIGHT);
            assertThat(red.rating()).isEqualTo(RED);
            assertThat(red.sweep(day("2026-12-02"))).map(UpdateSchedule.BecameOverdue::rating).contains(RED);
        }

        @Test
        void redToAmberTheDayBeforeTheUpdateIsDueKeepsTheRedDate() {
            UpdateSchedule red = UpdateSchedule.startedBy(PERSON, RED, FORTNIGHT, day("2026-12-01"));

            UpdateSchedule amber = red.ratingChanged(AMBER, FORTNIGHT, day("2026-12-14"));

            assertThat(amber.nextDueOn()).isEqualTo(day("2026-12-15"));
        }

        @Test
        void loweringRedToGreenKeepsTheRedDueDateSupportNeverReduces() {
            UpdateSchedule red = UpdateSchedule.startedBy(PERSON, RED, FORTNIGHT, day("2026-11-20"))
                    .updatePosted(noonOn("2026-12-01"), day("2026-12-01"), FORTNIGHT);

            UpdateSchedule green = red.ratingChanged(GREEN, MONTH, day("2026-12-10"));

            assertThat(green.nextDueOn()).isEqualTo(day("2026-12-15"));
            assertThat(green.cadence()).isEqualTo(MONTH);
        }

        @Test
        void theLongerCadenceAppliesFromTheNextUpdatePosted() {
            UpdateSchedule green = UpdateSchedule.startedBy(PERSON, RED, FORTNIGHT, day("2026-12-01"))
                    .ratingChanged(GREEN, MONTH, day("2026-12-10"));

            UpdateSchedule posted = green.updatePosted(noonOn("2026-12-14"), day("2026-12-14"), MONTH);

            assertThat(posted.nextDueOn()).isEqualTo(day("2027-01-14"));
        }

        @Test
        void withNoUpdateSinceTheNewRatingIsDueACadenceAfterItStartedWhenThatIsEarlier() {
            UpdateSchedule red = UpdateSchedule.startedBy(PERSON, GREEN, MONTH, day("2026-12-01"))
                    .ratingChanged(RED, FORTNIGHT, day("2026-12-10"));

            assertThat(red.nextDueOn()).isEqualTo(day("2026-12-24"));
        }

        @Test
        void theSameRatingAgainKeepsWhenItStartedAndALongerCadenceNeverPutsTheUpdateOff() {
            // A BLUE child (6-weekly, with the oversight visits) who is now an adult (8-weekly).
            UpdateSchedule blue = UpdateSchedule.startedBy(PERSON, BLUE, Period.ofWeeks(6), day("2026-12-01"))
                    .ratingChanged(BLUE, Period.ofWeeks(8), day("2026-12-10"));

            assertThat(blue.ratingSinceOn()).isEqualTo(day("2026-12-01"));
            assertThat(blue.nextDueOn()).isEqualTo(day("2027-01-12"));
            assertThat(blue.cadence()).isEqualTo(Period.ofWeeks(8));
        }
    }

    @Nested
    @DisplayName("Leaving the register stops the schedule")
    class LeavingTheRegister {

        @Test
        void nothingIsDueOrOverdueOnceStopped() {
            UpdateSchedule stopped = amberFrom("2026-12-01").sweep(day("2026-12-16")).orElseThrow().schedule()
                    .stopped(day("2026-12-20"));

            assertThat(stopped.isRunning()).isFalse();
            assertThat(stopped.nextDueOn()).isNull();
            assertThat(stopped.isOverdue()).isFalse();
            assertThat(stopped.sweep(day("2027-06-01"))).isEmpty();
            assertThat(stopped.daysOverdueOn(day("2027-06-01"))).isZero();
        }

        @Test
        void noUpdateCanBePostedOnceStopped() {
            UpdateSchedule stopped = amberFrom("2026-12-01").stopped(day("2026-12-05"));

            assertThatThrownBy(() -> stopped.updatePosted(noonOn("2026-12-06"), day("2026-12-06"), FORTNIGHT))
                    .isInstanceOf(IllegalStateException.class);
        }

        @Test
        void aNewRatingAfterComingBackStartsAfresh() {
            UpdateSchedule back = amberFrom("2026-06-01")
                    .updatePosted(noonOn("2026-06-10"), day("2026-06-10"), FORTNIGHT)
                    .stopped(day("2026-07-01"))
                    .ratingChanged(RED, FORTNIGHT, day("2026-12-01"));

            assertThat(back.isRunning()).isTrue();
            assertThat(back.lastUpdateOn()).isNull();
            assertThat(back.nextDueOn()).isEqualTo(day("2026-12-15"));
        }
    }

    @Nested
    @DisplayName("What an update says")
    class Text {

        @Test
        void isTrimmed() {
            assertThat(UpdateText.of("  Stable this fortnight; placement holding.  ").value())
                    .isEqualTo("Stable this fortnight; placement holding.");
        }

        @Test
        void mustNotBeBlankAndTheRefusalNamesTheField() {
            assertThatThrownBy(() -> UpdateText.of("   "))
                    .isInstanceOfSatisfying(RuleBroken.class, refused -> assertThat(refused.field()).isEqualTo("text"));
        }

        @Test
        void isAtMost2000Characters() {
            assertThat(UpdateText.of("a".repeat(2000)).value()).hasSize(2000);
            assertThatThrownBy(() -> UpdateText.of("a".repeat(2001)))
                    .isInstanceOfSatisfying(RuleBroken.class, refused -> assertThat(refused.field()).isEqualTo("text"));
        }

        @Test
        void isNeverPrintedByToString() {
            assertThat(UpdateText.of("Admitted to A&E on Tuesday").toString()).doesNotContain("A&E");
        }
    }
}
