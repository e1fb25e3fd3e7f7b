package org.opendsr.consent.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opendsr.consent.domain.ConsentExamples.POLICY;
import static org.opendsr.consent.domain.ConsentExamples.RECORDING;
import static org.opendsr.consent.domain.ConsentExamples.TODAY;
import static org.opendsr.consent.domain.ConsentExamples.aChildOf16Or17;
import static org.opendsr.consent.domain.ConsentExamples.anAdult;
import static org.opendsr.consent.domain.ConsentExamples.informedConsent;
import static org.opendsr.consent.domain.ConsentExamples.parentalResponsibility;
import static org.opendsr.consent.domain.ConsentExamples.recorded;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.opendsr.contracts.consent.ConsentWithdrawalReason;
import org.opendsr.contracts.consent.ReminderSubject;
import org.opendsr.kit.rules.RuleBroken;

/** A consent's life: recorded, renewal due, overdue, lapsed; withdrawn or renewed at any stage; turning 18. */
class ConsentLifecycleTest {

    /** Runs the daily job every day from one day to another, inclusive, collecting what it produced. */
    private static List<ConsentChange> runDaily(Consent consent, LocalDate from, LocalDate to, ConsentRenewalPolicy policy) {
        List<ConsentChange> changes = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            consent.moveOn(day, policy).ifPresent(changes::add);
            consent.remindIfDue(day, policy).ifPresent(changes::add);
        }
        return changes;
    }

    private static List<ConsentChange> runOn(Consent consent, LocalDate day) {
        return runDaily(consent, day, day, POLICY);
    }

    private static Withdrawal withdrawal(LocalDate on) {
        return new Withdrawal(on, ConsentWithdrawalReason.PERSON_WITHDREW, null, "professional-1");
    }

    @Nested
    @DisplayName("Recording: the dates give the state")
    class Recording {

        @Test
        void consentGivenTodayIsActiveAndDueInAYear() {
            Consent consent = recorded(anAdult(), informedConsent());

            assertThat(consent.state()).isEqualTo(ConsentState.ACTIVE);
            assertThat(consent.renewalDue()).isEqualTo(new RenewalDue(TODAY.plusYears(1), RenewalReason.ANNUAL_RENEWAL));
            assertThat(consent.snapshot().given().recordedBy()).isEqualTo("professional-1");
        }

        @Test
        void consentGiven11MonthsAgoIsRecordedAsRenewalDue() {
            Consent consent = recorded(anAdult(), informedConsent().givenOn(TODAY.minusMonths(11)));

            assertThat(consent.state()).isEqualTo(ConsentState.RENEWAL_DUE);
        }

        @Test
        void consentGiven12MonthsAnd1WeekAgoIsRecordedOverdueWith3WeeksOfGraceLeft() {
            KnownPerson person = anAdult();
            ConsentRecording.Recorded recorded = RECORDING.record(UUID.randomUUID(), person,
                    informedConsent().givenOn(TODAY.minusYears(1).minusWeeks(1)).build(), Optional.empty(),
                    Optional.empty(), TODAY);

            assertThat(recorded.consent().state()).isEqualTo(ConsentState.OVERDUE);
            assertThat(recorded.change().state()).isEqualTo(ConsentState.OVERDUE);
            assertThat(recorded.change().graceEndsOn()).isEqualTo(TODAY.plusWeeks(3));
            assertThat(recorded.change().renewalDue().on()).isEqualTo(TODAY.minusWeeks(1));
        }

        @Test
        void anActiveConsentIsRecordedWithoutAGraceEnd() {
            ConsentRecording.Recorded recorded = RECORDING.record(UUID.randomUUID(), anAdult(),
                    informedConsent().build(), Optional.empty(), Optional.empty(), TODAY);

            assertThat(recorded.change().graceEndsOn()).isNull();
        }

        @Test
        void consentGiven12MonthsAnd5WeeksAgoIsRecordedOverdueAndLapsesAtTheNextRun() {
            Consent consent = recorded(anAdult(), informedConsent().givenOn(TODAY.minusYears(1).minusWeeks(5)));

            assertThat(consent.state()).isEqualTo(ConsentState.OVERDUE);
            assertThat(consent.graceEndsOn()).contains(TODAY.minusWeeks(1));
            assertThat(runOn(consent, TODAY)).containsExactly(new ConsentChange.Lapsed(consent.id(), consent.personId(), TODAY));
            assertThat(consent.state()).isEqualTo(ConsentState.LAPSED);
        }
    }

    @Nested
    @DisplayName("The daily run: each stage on its day, once")
    class DailyRuns {

        @Test
        void aYearOfDailyRunsMovesTheConsentThroughEachStageOnItsDayAndRemindsWeekly() {
            Consent consent = recorded(anAdult(), informedConsent());
            LocalDate due = TODAY.plusYears(1);

            List<ConsentChange> changes = runDaily(consent, TODAY, due.plusDays(40), POLICY);

            assertThat(changes).filteredOn(change -> !(change instanceof ConsentChange.ReminderDue)).containsExactly(
                    new ConsentChange.RenewalBecameDue(consent.id(), consent.personId(), due),
                    new ConsentChange.BecameOverdue(consent.id(), consent.personId(), due, due.plusDays(28),
                            RenewalReason.ANNUAL_RENEWAL),
                    new ConsentChange.Lapsed(consent.id(), consent.personId(), due.plusDays(28)));
            List<ConsentChange.ReminderDue> reminders = changes.stream()
                    .filter(ConsentChange.ReminderDue.class::isInstance).map(ConsentChange.ReminderDue.class::cast).toList();
            assertThat(reminders).extracting(ConsentChange.ReminderDue::scheduledFor)
                    .containsExactlyElementsOf(POLICY.reminderSchedule(consent.renewalDue()).stream()
                            .map(ScheduledReminder::on).toList());
            // Due on 2027-11-25: due soon 26 Oct, 2, 9 and 16 Nov (none 2 days before the due date), overdue weekly.
            assertThat(reminders).extracting(ConsentChange.ReminderDue::reminderNumber)
                    .containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
            assertThat(reminders.get(0).subject()).isEqualTo(ReminderSubject.RENEWAL_DUE_SOON);
            assertThat(reminders.get(0).graceEndsOn()).isNull();
            assertThat(reminders.get(3).scheduledFor()).isEqualTo(due.minusDays(9));
            assertThat(reminders.get(4).scheduledFor()).isEqualTo(due);
            assertThat(reminders.get(4).subject()).isEqualTo(ReminderSubject.RENEWAL_OVERDUE);
            assertThat(reminders.get(4).graceEndsOn()).isEqualTo(due.plusDays(28));
            assertThat(consent.state()).isEqualTo(ConsentState.LAPSED);
        }

        @Test
        void aSecondRunOnTheSameDayChangesNothing() {
            Consent consent = recorded(anAdult(), informedConsent().givenOn(TODAY.minusMonths(11)));
            LocalDate due = consent.renewalDue().on();

            assertThat(runOn(consent, due)).hasSize(2);
            assertThat(runOn(consent, due)).isEmpty();
            assertThat(consent.remindersSent()).isEqualTo(1);
        }

        @Test
        void afterMissedRunsOneRunMovesStraightToWhereTheDatesAreAndSendsOnlyTheLatestReminder() {
            Consent consent = recorded(anAdult(), informedConsent());
            LocalDate due = TODAY.plusYears(1);

            List<ConsentChange> changes = runOn(consent, due.plusDays(10));

            assertThat(changes).containsExactly(
                    new ConsentChange.BecameOverdue(consent.id(), consent.personId(), due, due.plusDays(28),
                            RenewalReason.ANNUAL_RENEWAL),
                    new ConsentChange.ReminderDue(consent.id(), consent.personId(), ReminderSubject.RENEWAL_OVERDUE,
                            due.plusDays(7), due, due.plusDays(28), 1));
        }

        @Test
        void theGracePeriodEndsOnTheDayThePersonWasToldEvenIfTheSettingsChange() {
            Consent consent = recorded(anAdult(), informedConsent().givenOn(TODAY.minusYears(1)));
            assertThat(consent.graceEndsOn()).contains(TODAY.plusDays(28));

            ConsentRenewalPolicy longerGrace = new ConsentRenewalPolicy(30, 42, 7);
            assertThat(consent.moveOn(TODAY.plusDays(27), longerGrace)).isEmpty();
            assertThat(consent.moveOn(TODAY.plusDays(28), longerGrace)).isPresent();
            assertThat(consent.state()).isEqualTo(ConsentState.LAPSED);
        }

        @Test
        void theLastDayOfGraceStillCountsAndTheNextDayLapses() {
            Consent consent = recorded(anAdult(), informedConsent().givenOn(TODAY.minusYears(1)));

            assertThat(consent.moveOn(TODAY.plusDays(27), POLICY)).isEmpty();
            assertThat(consent.state()).isEqualTo(ConsentState.OVERDUE);
            assertThat(consent.moveOn(TODAY.plusDays(28), POLICY)).isPresent();
            assertThat(consent.state()).isEqualTo(ConsentState.LAPSED);
        }

        @Test
        void aLapsedConsentIsNeverRemindedOrMovedAgain() {
            Consent consent = recorded(anAdult(), informedConsent().givenOn(TODAY.minusYears(1).minusWeeks(5)));
            runOn(consent, TODAY);

            assertThat(runDaily(consent, TODAY, TODAY.plusYears(2), POLICY)).isEmpty();
        }
    }

    @Nested
    @DisplayName("Withdrawal at any stage")
    class Withdrawing {

        @Test
        void anActiveConsentCanBeWithdrawn() {
            Consent consent = recorded(anAdult(), informedConsent());

            assertThat(consent.withdraw(withdrawal(TODAY), TODAY)).isEqualTo(new ConsentChange.Withdrawn(consent.id(),
                    consent.personId(), TODAY, ConsentWithdrawalReason.PERSON_WITHDREW));
            assertThat(consent.state()).isEqualTo(ConsentState.WITHDRAWN);
        }

        @Test
        void aConsentDueForRenewalCanBeWithdrawn() {
            Consent consent = recorded(anAdult(), informedConsent().givenOn(TODAY.minusMonths(11)));

            consent.withdraw(withdrawal(TODAY), TODAY);

            assertThat(consent.state()).isEqualTo(ConsentState.WITHDRAWN);
        }

        @Test
        void anOverdueConsentCanBeWithdrawnDuringItsGracePeriod() {
            Consent consent = recorded(anAdult(), informedConsent().givenOn(TODAY.minusYears(1).minusWeeks(1)));

            consent.withdraw(withdrawal(TODAY.minusDays(2)), TODAY);

            assertThat(consent.state()).isEqualTo(ConsentState.WITHDRAWN);
            assertThat(consent.withdrawal()).map(Withdrawal::on).contains(TODAY.minusDays(2));
        }

        @Test
        void aWithdrawnConsentNeitherMovesNorRemindsNorLapses() {
            Consent consent = recorded(anAdult(), informedConsent().givenOn(TODAY.minusMonths(11)));
            consent.withdraw(withdrawal(TODAY), TODAY);

            assertThat(runDaily(consent, TODAY, TODAY.plusMonths(3), POLICY)).isEmpty();
            assertThat(consent.state()).isEqualTo(ConsentState.WITHDRAWN);
        }

        @Test
        void aConsentCannotBeWithdrawnTwice() {
            Consent consent = recorded(anAdult(), informedConsent());
            consent.withdraw(withdrawal(TODAY), TODAY);

            assertThatThrownBy(() -> consent.withdraw(withdrawal(TODAY), TODAY))
                    .isInstanceOfSatisfying(RuleBroken.class, broken -> {
                        assertThat(broken.kind()).isEqualTo(RuleBroken.Kind.CONFLICT);
                        assertThat(broken.problem()).isEqualTo("consent-already-withdrawn");
                    });
        }

        @Test
        void aLapsedConsentCannotBeWithdrawn() {
            Consent consent = recorded(anAdult(), informedConsent().givenOn(TODAY.minusYears(1).minusWeeks(5)));
            runOn(consent, TODAY);

            assertThatThrownBy(() -> consent.withdraw(withdrawal(TODAY), TODAY))
                    .isInstanceOfSatisfying(RuleBroken.class,
                            broken -> assertThat(broken.problem()).isEqualTo("consent-lapsed"));
        }

        @Test
        void aRenewedConsentCannotBeWithdrawnOnlyItsRenewal() {
            KnownPerson person = anAdult();
            Consent first = recorded(person, informedConsent().givenOn(TODAY.minusMonths(11)));
            RECORDING.record(UUID.randomUUID(), person, informedConsent().renewalOf(first.id()).build(),
                    Optional.of(first), Optional.of(first), TODAY);

            assertThatThrownBy(() -> first.withdraw(withdrawal(TODAY), TODAY))
                    .isInstanceOfSatisfying(RuleBroken.class,
                            broken -> assertThat(broken.problem()).isEqualTo("consent-renewed"));
        }

        @Test
        void aWithdrawalCannotBeInTheFutureNorBeforeTheConsentWasGiven() {
            Consent consent = recorded(anAdult(), informedConsent().givenOn(TODAY.minusDays(10)));

            assertThatThrownBy(() -> consent.withdraw(withdrawal(TODAY.plusDays(1)), TODAY))
                    .isInstanceOfSatisfying(RuleBroken.class,
                            broken -> assertThat(broken.field()).isEqualTo("withdrawnOn"));
            assertThatThrownBy(() -> consent.withdraw(withdrawal(TODAY.minusDays(11)), TODAY))
                    .isInstanceOfSatisfying(RuleBroken.class,
                            broken -> assertThat(broken.field()).isEqualTo("withdrawnOn"));
            assertThat(consent.state()).isEqualTo(ConsentState.ACTIVE);
        }

        @Test
        void aWithdrawalNoteHoldsNoContactDetails() {
            Consent consent = recorded(anAdult(), informedConsent());

            assertThatThrownBy(() -> consent.withdraw(new Withdrawal(TODAY, ConsentWithdrawalReason.OTHER,
                    "call mum on 07700 900123", "professional-1"), TODAY))
                    .isInstanceOfSatisfying(RuleBroken.class, broken -> assertThat(broken.field()).isEqualTo("note"));
        }
    }

    @Nested
    @DisplayName("Renewal: a new consent, and the person stays on the register")
    class Renewing {

        @Test
        void renewingAnOverdueConsentClosesItAndStartsAnActiveOne() {
            KnownPerson person = anAdult();
            Consent overdue = recorded(person, informedConsent().givenOn(TODAY.minusYears(1).minusWeeks(1)));

            ConsentRecording.Recorded renewal = RECORDING.record(UUID.randomUUID(), person,
                    informedConsent().renewalOf(overdue.id()).build(), Optional.of(overdue), Optional.of(overdue), TODAY);

            assertThat(overdue.state()).isEqualTo(ConsentState.RENEWED);
            assertThat(overdue.snapshot().renewedBy()).isEqualTo(renewal.consent().id());
            assertThat(renewal.consent().state()).isEqualTo(ConsentState.ACTIVE);
            assertThat(renewal.change().renewalOf()).isEqualTo(overdue.id());
            assertThat(renewal.renewed()).contains(overdue);
        }

        @Test
        void aRenewedConsentIsNeverRemindedOrLapsed() {
            KnownPerson person = anAdult();
            Consent overdue = recorded(person, informedConsent().givenOn(TODAY.minusYears(1).minusWeeks(1)));
            RECORDING.record(UUID.randomUUID(), person, informedConsent().renewalOf(overdue.id()).build(),
                    Optional.of(overdue), Optional.of(overdue), TODAY);

            assertThat(runDaily(overdue, TODAY, TODAY.plusMonths(2), POLICY)).isEmpty();
        }
    }

    @Nested
    @DisplayName("Turning 18: consent given for a child is renewed by the end of the month they turn 18 in")
    class Turning18 {

        /** The month in which they turn 18, as referral-service announces it: the month, never the day. */
        private final YearMonth january = YearMonth.of(2027, 1);
        private final LocalDate firstOfJanuary = january.atDay(1);
        private final LocalDate endOfJanuary = january.atEndOfMonth();

        @Test
        void announcedTwoMonthsAheadItIsDueSoonAndRemindedExactlyAsAYearlyRenewalDueThatDay() {
            // referral-service announces February's 18th birthdays on 1 December (DSR policy: renewal every year and
            // at 18, with the same notice): the renewal window opens after the announcement.
            YearMonth february = YearMonth.of(2027, 2);
            LocalDate announcedOn = LocalDate.of(2026, 12, 1);
            LocalDate due = february.atEndOfMonth();
            Consent at18 = recorded(aChildOf16Or17(), parentalResponsibility().givenOn(TODAY.minusMonths(3)));
            Consent yearly = recorded(anAdult(), informedConsent().givenOn(due.minusYears(1)));

            assertThat(at18.personTurning18(february, announcedOn, POLICY)).as("not due soon yet").isEmpty();
            assertThat(at18.state()).isEqualTo(ConsentState.ACTIVE);
            assertThat(at18.renewalDue()).isEqualTo(new RenewalDue(due, RenewalReason.TURNED_18));
            List<ConsentChange> atEighteen = runDaily(at18, announcedOn, due.plusDays(27), POLICY);
            List<ConsentChange> everyYear = runDaily(yearly, announcedOn, due.plusDays(27), POLICY);

            assertThat(atEighteen).first().isEqualTo(new ConsentChange.RenewalBecameDue(at18.id(), at18.personId(), due));
            assertThat(reminders(atEighteen)).isEqualTo(reminders(everyYear)).startsWith(
                    due.minusDays(30) + " RENEWAL_DUE_SOON", due.minusDays(23) + " RENEWAL_DUE_SOON",
                    due.minusDays(16) + " RENEWAL_DUE_SOON", due.minusDays(9) + " RENEWAL_DUE_SOON",
                    due + " RENEWAL_OVERDUE");
        }

        private static List<String> reminders(List<ConsentChange> changes) {
            return changes.stream().filter(ConsentChange.ReminderDue.class::isInstance)
                    .map(ConsentChange.ReminderDue.class::cast)
                    .map(reminder -> reminder.scheduledFor() + " " + reminder.subject()).toList();
        }

        @Test
        void parentalResponsibilityConsentIsDueByTheLastDayOfTheMonthTheyTurn18In() {
            Consent consent = recorded(aChildOf16Or17(), parentalResponsibility().givenOn(TODAY.minusMonths(3)));

            Optional<ConsentChange> change = consent.personTurning18(january, firstOfJanuary, POLICY);

            assertThat(change).contains(new ConsentChange.RenewalBecameDue(consent.id(), consent.personId(),
                    endOfJanuary));
            assertThat(consent.renewalDue()).isEqualTo(new RenewalDue(endOfJanuary, RenewalReason.TURNED_18));
            assertThat(consent.state()).isEqualTo(ConsentState.RENEWAL_DUE);
        }

        @Test
        void notRenewedItIsOverdueFromThatLastDayWith4WeeksGraceThenLapses() {
            Consent consent = recorded(aChildOf16Or17(), parentalResponsibility().givenOn(TODAY.minusMonths(3)));
            consent.personTurning18(january, firstOfJanuary, POLICY);

            List<ConsentChange> changes = runDaily(consent, firstOfJanuary, endOfJanuary.plusDays(28), POLICY);

            assertThat(changes).contains(new ConsentChange.BecameOverdue(consent.id(), consent.personId(),
                    endOfJanuary, endOfJanuary.plusDays(28), RenewalReason.TURNED_18));
            assertThat(changes).filteredOn(ConsentChange.ReminderDue.class::isInstance)
                    .extracting(change -> ((ConsentChange.ReminderDue) change).scheduledFor())
                    .contains(endOfJanuary, endOfJanuary.plusDays(7), endOfJanuary.plusDays(14),
                            endOfJanuary.plusDays(21));
            assertThat(changes).last().isEqualTo(new ConsentChange.Lapsed(consent.id(), consent.personId(),
                    endOfJanuary.plusDays(28)));
        }

        @Test
        void aChildsOwnConsentIsAlsoRenewedAt18() {
            Consent consent = recorded(aChildOf16Or17(), informedConsent().givenOn(TODAY.minusMonths(3)));

            assertThat(consent.personTurning18(YearMonth.from(TODAY), TODAY, POLICY)).isPresent();
            assertThat(consent.renewalDue()).isEqualTo(new RenewalDue(YearMonth.from(TODAY).atEndOfMonth(),
                    RenewalReason.TURNED_18));
        }

        @Test
        void aConsentAlreadyDueForItsYearlyRenewalLaterIsDueByTheEndOfTheMonthInstead() {
            Consent consent = recorded(aChildOf16Or17(), parentalResponsibility().givenOn(TODAY.minusMonths(11)));
            assertThat(consent.state()).isEqualTo(ConsentState.RENEWAL_DUE);

            assertThat(consent.personTurning18(YearMonth.from(TODAY), TODAY, POLICY))
                    .as("still renewal due: no new state to announce").isEmpty();

            LocalDate endOfMonth = YearMonth.from(TODAY).atEndOfMonth();
            assertThat(consent.renewalDue()).isEqualTo(new RenewalDue(endOfMonth, RenewalReason.TURNED_18));
            assertThat(runOn(consent, endOfMonth)).first().isEqualTo(new ConsentChange.BecameOverdue(consent.id(),
                    consent.personId(), endOfMonth, endOfMonth.plusDays(28), RenewalReason.TURNED_18));
        }

        @Test
        void aYearlyRenewalDueBeforeTheEndOfThatMonthStaysFirst() {
            Consent consent = recorded(aChildOf16Or17(),
                    parentalResponsibility().givenOn(TODAY.minusYears(1).plusDays(2)));

            consent.personTurning18(YearMonth.from(TODAY), TODAY, POLICY);

            assertThat(consent.renewalDue()).isEqualTo(new RenewalDue(TODAY.plusDays(2), RenewalReason.ANNUAL_RENEWAL));
        }

        @Test
        void aConsentAlreadyOverdueKeepsTheGracePeriodItWasGiven() {
            Consent consent = recorded(aChildOf16Or17(),
                    parentalResponsibility().givenOn(TODAY.minusYears(1).minusWeeks(1)));

            assertThat(consent.personTurning18(YearMonth.from(TODAY), TODAY, POLICY)).isEmpty();
            assertThat(consent.graceEndsOn()).contains(TODAY.plusWeeks(3));
            assertThat(consent.renewalDue().reason()).isEqualTo(RenewalReason.ANNUAL_RENEWAL);
        }

        @Test
        void anAdultsConsentIsNotAffected() {
            Consent consent = recorded(anAdult(), informedConsent());

            assertThat(consent.personTurning18(YearMonth.from(TODAY), TODAY, POLICY)).isEmpty();
            assertThat(consent.state()).isEqualTo(ConsentState.ACTIVE);
            assertThat(consent.renewalDue().reason()).isEqualTo(RenewalReason.ANNUAL_RENEWAL);
        }

        @Test
        void aConsentGivenAsAChildButRecordedAfterTheMonthTheyTurned18InIsOverdueFromItsLastDay() {
            YearMonth lastMonth = YearMonth.from(TODAY).minusMonths(1);
            KnownPerson adult = aChildOf16Or17().turning18In(lastMonth);
            Consent consent = recorded(adult, informedConsent().givenOn(lastMonth.atDay(1).minusWeeks(3)));

            assertThat(consent.givenForChild()).isTrue();
            assertThat(consent.state()).isEqualTo(ConsentState.OVERDUE);
            assertThat(consent.renewalDue()).isEqualTo(new RenewalDue(lastMonth.atEndOfMonth(), RenewalReason.TURNED_18));
            assertThat(consent.graceEndsOn()).contains(lastMonth.atEndOfMonth().plusDays(28));
        }

        @Test
        void theirOwnConsentGivenFromTheFirstOfTheMonthTheyTurn18InIsDueYearly() {
            YearMonth thisMonth = YearMonth.from(TODAY);
            KnownPerson turning18 = aChildOf16Or17().turning18In(thisMonth);
            Consent consent = recorded(turning18, informedConsent().givenOn(thisMonth.atDay(1)));

            assertThat(consent.givenForChild()).isFalse();
            assertThat(consent.state()).isEqualTo(ConsentState.ACTIVE);
            assertThat(consent.renewalDue().reason()).isEqualTo(RenewalReason.ANNUAL_RENEWAL);
        }

        @Test
        void theMonthFirstAnnouncedStands() {
            KnownPerson person = aChildOf16Or17().turning18In(january).turning18In(january.plusMonths(1));

            assertThat(person.turns18In()).isEqualTo(january);
            assertThat(person.isChildOn(firstOfJanuary.minusDays(1))).isTrue();
            assertThat(person.isChildOn(firstOfJanuary)).isFalse();
        }
    }
}
