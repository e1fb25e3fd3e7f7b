package org.opendsr.consent.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opendsr.consent.domain.ConsentState.ACTIVE;
import static org.opendsr.consent.domain.ConsentState.LAPSED;
import static org.opendsr.consent.domain.ConsentState.OVERDUE;
import static org.opendsr.consent.domain.ConsentState.RENEWAL_DUE;
import static org.opendsr.contracts.consent.ReminderSubject.RENEWAL_DUE_SOON;
import static org.opendsr.contracts.consent.ReminderSubject.RENEWAL_OVERDUE;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The DSR consent renewal policy, read as the policy: due dates, the renewal window, grace, reminders. */
class ConsentRenewalPolicyTest {

    private final ConsentRenewalPolicy policy = ConsentRenewalPolicy.dsrDefault();

    private static LocalDate day(String text) {
        return LocalDate.parse(text);
    }

    @Nested
    @DisplayName("Consent is renewed every year")
    class Anniversaries {

        @Test
        void consentIsDue12MonthsAfterItWasGiven() {
            assertThat(policy.yearlyRenewalDate(day("2026-11-02"))).isEqualTo(day("2027-11-02"));
        }

        @Test
        void consentGivenOn29FebruaryIsDueOn28FebruaryInAYearWithoutOne() {
            assertThat(policy.yearlyRenewalDate(day("2024-02-29"))).isEqualTo(day("2025-02-28"));
        }

        @Test
        void consentGivenOn28FebruaryBeforeALeapYearIsDueOn28FebruaryNot29() {
            assertThat(policy.yearlyRenewalDate(day("2027-02-28"))).isEqualTo(day("2028-02-28"));
        }

        @Test
        void consentGivenOn1MarchIsDueOn1March() {
            assertThat(policy.yearlyRenewalDate(day("2027-03-01"))).isEqualTo(day("2028-03-01"));
        }

        @Test
        void consentGivenOn29FebruaryRunsNoLongerThan12Months() {
            LocalDate given = day("2028-02-29");
            RenewalDue due = policy.renewalDue(given, false, null);

            assertThat(due.on()).isEqualTo(day("2029-02-28"));
            assertThat(policy.stateOn(due, day("2029-02-27"))).isEqualTo(RENEWAL_DUE);
            assertThat(policy.stateOn(due, day("2029-02-28"))).isEqualTo(OVERDUE);
            assertThat(policy.stateOn(due, day("2029-03-01"))).isEqualTo(OVERDUE);
        }

        @Test
        void consentGivenAtTheEndOfAMonthIsDueAtTheEndOfThatMonthNextYear() {
            assertThat(policy.yearlyRenewalDate(day("2026-08-31"))).isEqualTo(day("2027-08-31"));
            assertThat(policy.yearlyRenewalDate(day("2026-12-31"))).isEqualTo(day("2027-12-31"));
        }
    }

    @Nested
    @DisplayName("Consent given for a child is renewed when they turn 18")
    class Turning18 {

        @Test
        void aChildsConsentIsDueByTheLastDayOfTheMonthTheyTurn18InWhenThatComesFirst() {
            RenewalDue due = policy.renewalDue(day("2026-03-10"), true, YearMonth.parse("2026-09"));

            assertThat(due).isEqualTo(new RenewalDue(day("2026-09-30"), RenewalReason.TURNED_18));
            assertThat(policy.stateOn(due, day("2026-09-01"))).as("announced on the first").isEqualTo(RENEWAL_DUE);
            assertThat(policy.stateOn(due, day("2026-09-30"))).isEqualTo(OVERDUE);
            assertThat(policy.graceEndsOn(due)).isEqualTo(day("2026-10-28"));
        }

        @Test
        void aChildsConsentDueForItsYearlyRenewalBeforeTheir18thBirthdayStaysDueThen() {
            RenewalDue due = policy.renewalDue(day("2026-03-10"), true, YearMonth.parse("2027-06"));

            assertThat(due).isEqualTo(new RenewalDue(day("2027-03-10"), RenewalReason.ANNUAL_RENEWAL));
        }

        @Test
        void aChildsConsentBeforeTheyTurn18IsDueYearly() {
            assertThat(policy.renewalDue(day("2026-03-10"), true, null))
                    .isEqualTo(new RenewalDue(day("2027-03-10"), RenewalReason.ANNUAL_RENEWAL));
        }

        @Test
        void anAdultsConsentIgnoresTurning18() {
            assertThat(policy.renewalDue(day("2026-03-10"), false, YearMonth.parse("2026-09")))
                    .isEqualTo(new RenewalDue(day("2027-03-10"), RenewalReason.ANNUAL_RENEWAL));
        }
    }

    @Nested
    @DisplayName("Renewal due 30 days before, overdue on the due date, lapsed 4 weeks later")
    class Stages {

        private final RenewalDue due = new RenewalDue(day("2027-11-02"), RenewalReason.ANNUAL_RENEWAL);

        @Test
        void activeUntilTheRenewalWindowOpens() {
            assertThat(policy.renewalWindowOpensOn(due)).isEqualTo(day("2027-10-03"));
            assertThat(policy.stateOn(due, day("2026-11-02"))).isEqualTo(ACTIVE);
            assertThat(policy.stateOn(due, day("2027-10-02"))).isEqualTo(ACTIVE);
        }

        @Test
        void renewalIsDueFrom30DaysBeforeTheDueDateToTheDayBefore() {
            assertThat(policy.stateOn(due, day("2027-10-03"))).isEqualTo(RENEWAL_DUE);
            assertThat(policy.stateOn(due, day("2027-11-01"))).isEqualTo(RENEWAL_DUE);
        }

        @Test
        void overdueFromTheDueDateUntilTheDayBeforeGraceEnds() {
            assertThat(policy.stateOn(due, day("2027-11-02"))).isEqualTo(OVERDUE);
            assertThat(policy.graceEndsOn(due)).isEqualTo(day("2027-11-30"));
            assertThat(policy.stateOn(due, day("2027-11-29"))).isEqualTo(OVERDUE);
        }

        @Test
        void lapsedOnTheDayGraceEnds4WeeksAfterBecomingOverdue() {
            assertThat(policy.stateOn(due, day("2027-11-30"))).isEqualTo(LAPSED);
            assertThat(policy.stateOn(due, day("2028-06-01"))).isEqualTo(LAPSED);
        }

        @Test
        void daysLeftBeforeRemovalCountDownToNoneOnTheDayGraceEnds() {
            assertThat(ConsentRenewalPolicy.daysLeftBeforeRemoval(day("2027-11-30"), day("2027-11-02"))).isEqualTo(28);
            assertThat(ConsentRenewalPolicy.daysLeftBeforeRemoval(day("2027-11-30"), day("2027-11-29"))).isEqualTo(1);
            assertThat(ConsentRenewalPolicy.daysLeftBeforeRemoval(day("2027-11-30"), day("2027-11-30"))).isZero();
            assertThat(ConsentRenewalPolicy.daysLeftBeforeRemoval(day("2027-11-30"), day("2027-12-05"))).isZero();
        }

        @Test
        void consentGiven12MonthsAnd1WeekAgoIsOverdueWith3WeeksLeft() {
            LocalDate today = day("2026-11-25");
            RenewalDue given = policy.renewalDue(today.minusYears(1).minusWeeks(1), false, null);

            assertThat(policy.stateOn(given, today)).isEqualTo(OVERDUE);
            assertThat(ConsentRenewalPolicy.daysLeftBeforeRemoval(policy.graceEndsOn(given), today)).isEqualTo(21);
        }

        @Test
        void consentGiven12MonthsAnd5WeeksAgoHasLapsedByItsDates() {
            LocalDate today = day("2026-11-25");
            RenewalDue given = policy.renewalDue(today.minusYears(1).minusWeeks(5), false, null);

            assertThat(policy.stateOn(given, today)).isEqualTo(LAPSED);
        }

        @Test
        void theWindowAndGraceAreSettings() {
            ConsentRenewalPolicy local = new ConsentRenewalPolicy(60, 42, 7);

            assertThat(local.stateOn(due, day("2027-09-03"))).isEqualTo(RENEWAL_DUE);
            assertThat(local.graceEndsOn(due)).isEqualTo(day("2027-12-14"));
        }

        @Test
        void withNoWindowConsentGoesStraightFromActiveToOverdue() {
            ConsentRenewalPolicy noWindow = new ConsentRenewalPolicy(0, 28, 7);

            assertThat(noWindow.stateOn(due, day("2027-11-01"))).isEqualTo(ACTIVE);
            assertThat(noWindow.stateOn(due, day("2027-11-02"))).isEqualTo(OVERDUE);
        }

        @Test
        void settingsThatMakeNoSenseAreRefused() {
            assertThatThrownBy(() -> new ConsentRenewalPolicy(-1, 28, 7)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new ConsentRenewalPolicy(30, 0, 7)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new ConsentRenewalPolicy(30, 28, 0)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    @DisplayName("Reminders weekly while renewal is due, and weekly while it is overdue")
    class ReminderSchedule {

        private final RenewalDue due = new RenewalDue(day("2027-11-02"), RenewalReason.ANNUAL_RENEWAL);

        @Test
        void aReminderWhenRenewalBecomesDueAndEveryWeekAfterThenOnTheDueDateAndEveryWeekUntilItLapses() {
            assertThat(policy.reminderSchedule(due)).containsExactly(
                    new ScheduledReminder(day("2027-10-03"), RENEWAL_DUE_SOON),
                    new ScheduledReminder(day("2027-10-10"), RENEWAL_DUE_SOON),
                    new ScheduledReminder(day("2027-10-17"), RENEWAL_DUE_SOON),
                    new ScheduledReminder(day("2027-10-24"), RENEWAL_DUE_SOON),
                    new ScheduledReminder(day("2027-11-02"), RENEWAL_OVERDUE),
                    new ScheduledReminder(day("2027-11-09"), RENEWAL_OVERDUE),
                    new ScheduledReminder(day("2027-11-16"), RENEWAL_OVERDUE),
                    new ScheduledReminder(day("2027-11-23"), RENEWAL_OVERDUE));
        }

        @Test
        void noReminderOnTheDayItLapses() {
            assertThat(policy.reminderSchedule(due)).noneMatch(reminder -> reminder.on().equals(day("2027-11-30")));
            assertThat(policy.latestReminderBy(due, day("2027-11-30"), day("2027-11-30"))).isEmpty();
        }

        @Test
        void theLatestReminderByADayIsTheOneToSendAfterMissedRuns() {
            assertThat(policy.latestReminderBy(due, day("2027-11-30"), day("2027-10-02"))).isEmpty();
            assertThat(policy.latestReminderBy(due, day("2027-11-30"), day("2027-10-03")))
                    .contains(new ScheduledReminder(day("2027-10-03"), RENEWAL_DUE_SOON));
            assertThat(policy.latestReminderBy(due, day("2027-11-30"), day("2027-10-16")))
                    .contains(new ScheduledReminder(day("2027-10-10"), RENEWAL_DUE_SOON));
            assertThat(policy.latestReminderBy(due, day("2027-11-30"), day("2027-11-12")))
                    .contains(new ScheduledReminder(day("2027-11-09"), RENEWAL_OVERDUE));
        }

        @Test
        void noDueSoonReminderLessThanAWeekBeforeTheDueDateWhenTheOverdueOneFollowsOnIt() {
            assertThat(policy.reminderSchedule(due)).noneMatch(reminder -> reminder.on().equals(day("2027-10-31")));
            assertThat(policy.latestReminderBy(due, day("2027-11-30"), day("2027-11-01")))
                    .contains(new ScheduledReminder(day("2027-10-24"), RENEWAL_DUE_SOON));
        }

        @Test
        void aDueSoonReminderExactlyAWeekBeforeTheDueDateIsSent() {
            ConsentRenewalPolicy fourWeekWindow = new ConsentRenewalPolicy(28, 28, 7);

            assertThat(fourWeekWindow.reminderSchedule(due)).extracting(ScheduledReminder::on).startsWith(
                    day("2027-10-05"), day("2027-10-12"), day("2027-10-19"), day("2027-10-26"), day("2027-11-02"));
        }

        @Test
        void theIntervalIsASetting() {
            ConsentRenewalPolicy fortnightly = new ConsentRenewalPolicy(30, 28, 14);

            assertThat(fortnightly.reminderSchedule(due)).extracting(ScheduledReminder::on).containsExactly(
                    day("2027-10-03"), day("2027-10-17"), day("2027-11-02"), day("2027-11-16"));
        }

        @org.junit.jupiter.params.ParameterizedTest(name = "window {0} days, grace {1} days, every {2} days")
        @org.junit.jupiter.params.provider.CsvSource({"30, 28, 7", "30, 28, 14", "10, 28, 7", "5, 28, 7", "0, 28, 7",
                "31, 28, 7", "60, 28, 10", "30, 28, 1"})
        void remindersAreNeverCloserTogetherThanTheInterval(int window, int grace, int interval) {
            ConsentRenewalPolicy configured = new ConsentRenewalPolicy(window, grace, interval);

            List<ScheduledReminder> schedule = configured.reminderSchedule(due);

            for (int i = 1; i < schedule.size(); i++) {
                assertThat(ChronoUnit.DAYS.between(schedule.get(i - 1).on(), schedule.get(i).on()))
                        .as("%s then %s", schedule.get(i - 1), schedule.get(i)).isGreaterThanOrEqualTo(interval);
            }
            assertThat(schedule).filteredOn(reminder -> reminder.subject() == RENEWAL_OVERDUE).first()
                    .isEqualTo(new ScheduledReminder(due.on(), RENEWAL_OVERDUE));
        }

        @Test
        void aWindowShorterThanTheIntervalHasNoDueSoonReminder() {
            ConsentRenewalPolicy shortWindow = new ConsentRenewalPolicy(5, 28, 7);

            assertThat(shortWindow.reminderSchedule(due)).allMatch(reminder -> reminder.subject() == RENEWAL_OVERDUE);
        }

        @Test
        void consentDueBecauseThePersonTurns18IsRemindedAtOnceAndWhenOverdue() {
            RenewalDue turning18 = new RenewalDue(day("2026-09-30"), RenewalReason.TURNED_18);

            // The 30-day window opened on 31 August, the day before the announcement: that reminder goes at once.
            assertThat(policy.latestReminderBy(turning18, day("2026-10-28"), day("2026-09-01")))
                    .contains(new ScheduledReminder(day("2026-08-31"), RENEWAL_DUE_SOON));
            assertThat(policy.latestReminderBy(turning18, day("2026-10-28"), day("2026-09-30")))
                    .contains(new ScheduledReminder(day("2026-09-30"), RENEWAL_OVERDUE));
        }
    }
}
