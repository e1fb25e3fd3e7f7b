package org.opendsr.reporting.snapshots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendsr.reporting.snapshots.StoreFacts.counts;
import static org.opendsr.reporting.snapshots.StoreFacts.total;
import static org.opendsr.reporting.snapshots.StoreFacts.totalCount;

import java.sql.Connection;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendsr.reporting.measures.application.MonthFigures;
import org.opendsr.reporting.measures.domain.Dimension;
import org.opendsr.reporting.measures.domain.Measure;
import org.opendsr.reporting.measures.domain.MonthCells;
import org.opendsr.reporting.measures.domain.RawCell;
import org.opendsr.reporting.measures.domain.Restatement;
import org.opendsr.testkit.DsrTestEnvironment;

/**
 * Each measure's cells for one month, worked out from facts written straight into the store, against counts worked out
 * by hand here. June 2026 is a past month never cut (nothing is cut in this class), so it is worked out live from every
 * fact so far; each test starts from an empty store.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeasuresTest implements TestPropertyProvider {

    private static final YearMonth JUNE = YearMonth.of(2026, 6);
    private static final String BANES = "BATH_AND_NORTH_EAST_SOMERSET";

    @Inject
    MonthFigures figures;

    @Inject
    TransactionOperations<Connection> transactions;

    private StoreFacts store;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(DsrTestEnvironment.forService("reporting"));
        properties.put("dsr.reporting.snapshots.schedule-enabled", "false");
        return properties;
    }

    @BeforeEach
    void emptyStore() {
        store = new StoreFacts(transactions);
        store.wipe();
    }

    private static LocalDate june(int day) {
        return JUNE.atDay(day);
    }

    private MonthCells june(Measure measure) {
        MonthCells month = figures.of(JUNE, Set.of(measure)).orElseThrow();
        assertThat(month.provisional()).as("a month not cut is worked out live").isTrue();
        assertThat(month.cells()).allMatch(cell -> cell.measure() == measure);
        return month;
    }

    @Test
    void registerByRatingIsWhoIsOnTheRegisterAtMonthEndByTheirLatestRating() {
        for (int i = 0; i < 8; i++) {
            byte[] red = store.person();
            store.fact("REFERRAL_ACCEPTED", red, LocalDate.of(2026, 5, 10)).add();
            store.fact("RATING", red, LocalDate.of(2026, 5, 11)).code("RED").add();
        }
        byte[] green = store.person("WILTSHIRE", "AGE_14_TO_17", "CHILD", "AUTISM", "B", "SELF_OR_FAMILY");
        store.fact("REFERRAL_ACCEPTED", green, june(1)).add();
        store.fact("RATING", green, june(2)).code("AMBER").add();
        store.fact("RATING", green, june(20)).code("GREEN").add();
        byte[] ratedAfterMonthEnd = StoreFacts.unknownPerson();
        store.fact("REFERRAL_ACCEPTED", ratedAfterMonthEnd, june(3)).add();
        store.fact("RATING", ratedAfterMonthEnd, LocalDate.of(2026, 7, 2)).code("RED").add();
        byte[] left = store.person();
        store.fact("REFERRAL_ACCEPTED", left, LocalDate.of(2026, 4, 1)).add();
        store.fact("RATING", left, LocalDate.of(2026, 4, 2)).code("BLUE").add();
        store.fact("LEFT_REGISTER", left, june(15)).code("STEPPED_DOWN").add();
        byte[] joinsInJuly = store.person();
        store.fact("REFERRAL_ACCEPTED", joinsInJuly, LocalDate.of(2026, 7, 1)).add();
        byte[] backOnTheSameDay = store.person();
        store.fact("REFERRAL_ACCEPTED", backOnTheSameDay, LocalDate.of(2026, 3, 1)).add();
        store.fact("LEFT_REGISTER", backOnTheSameDay, june(10)).code("OTHER").add();
        store.fact("REFERRAL_ACCEPTED", backOnTheSameDay, june(10)).add();
        store.fact("RATING", backOnTheSameDay, june(10)).code("AMBER").add();
        byte[] offOnTheSameDay = store.person();
        store.fact("REFERRAL_ACCEPTED", offOnTheSameDay, june(10)).add();
        store.fact("LEFT_REGISTER", offOnTheSameDay, june(10)).code("OTHER").add();

        MonthCells month = june(Measure.REGISTER_BY_RATING);

        assertThat(totalCount(month, Measure.REGISTER_BY_RATING, "RED")).isEqualTo(8);
        assertThat(totalCount(month, Measure.REGISTER_BY_RATING, "AMBER")).isEqualTo(1);
        assertThat(totalCount(month, Measure.REGISTER_BY_RATING, "GREEN")).isEqualTo(1);
        assertThat(totalCount(month, Measure.REGISTER_BY_RATING, "BLUE")).isZero();
        assertThat(totalCount(month, Measure.REGISTER_BY_RATING, Measure.NOT_RATED)).isEqualTo(1);
        assertThat(counts(month, Measure.REGISTER_BY_RATING, "RED", Dimension.LOCALITY)).isEqualTo(Map.of("SWINDON", 8L));
        assertThat(counts(month, Measure.REGISTER_BY_RATING, "GREEN", Dimension.LIFE_STAGE)).isEqualTo(Map.of("CHILD", 1L));
        assertThat(counts(month, Measure.REGISTER_BY_RATING, Measure.NOT_RATED, Dimension.DIAGNOSIS))
                .isEqualTo(Map.of("NOT_RECORDED", 1L));
        assertThat(month.restatements()).as("a stock is never restated").isEmpty();
    }

    @Test
    void referralsReceivedAreCountedByEveryPersonDimensionWithNotRecordedForTheUnknown() {
        // 7 in Wiltshire (self or family, children 14 to 17), 13 in B&NES (professional; 1 child 14 to 17, 12 adults
        // 25 to 34), 1 whose attributes the store does not know; none in Swindon.
        for (int i = 0; i < 7; i++) {
            store.fact("REFERRAL_RECEIVED", store.person("WILTSHIRE", "AGE_14_TO_17", "CHILD", "AUTISM", "B",
                    "SELF_OR_FAMILY"), june(2)).code("SELF_OR_FAMILY").add();
        }
        store.fact("REFERRAL_RECEIVED", store.person(BANES, "AGE_14_TO_17", "CHILD", "LEARNING_DISABILITY", "A",
                "PROFESSIONAL"), june(3)).code("PROFESSIONAL").add();
        for (int i = 0; i < 12; i++) {
            store.fact("REFERRAL_RECEIVED", store.person(BANES, "AGE_25_TO_34", "ADULT", "LEARNING_DISABILITY", "A",
                    "PROFESSIONAL"), june(30)).code("PROFESSIONAL").add();
        }
        store.fact("REFERRAL_RECEIVED", StoreFacts.unknownPerson(), june(15)).code("AGENCY_SYSTEM").add();
        // Not June's: received in May; received in June but reached the DSR in July (counted in July).
        store.fact("REFERRAL_RECEIVED", store.person(), LocalDate.of(2026, 5, 31)).add();
        store.fact("REFERRAL_RECEIVED", store.person(), june(30)).arrived(YearMonth.of(2026, 7)).add();

        MonthCells month = june(Measure.REFERRALS_RECEIVED);

        Measure m = Measure.REFERRALS_RECEIVED;
        assertThat(counts(month, m, "ALL", Dimension.TOTAL)).isEqualTo(Map.of("ALL", 21L));
        assertThat(counts(month, m, "ALL", Dimension.LOCALITY))
                .isEqualTo(Map.of("WILTSHIRE", 7L, BANES, 13L, "NOT_RECORDED", 1L));
        assertThat(counts(month, m, "ALL", Dimension.AGE_BAND))
                .isEqualTo(Map.of("AGE_14_TO_17", 8L, "AGE_25_TO_34", 12L, "NOT_RECORDED", 1L));
        assertThat(counts(month, m, "ALL", Dimension.LIFE_STAGE))
                .isEqualTo(Map.of("CHILD", 8L, "ADULT", 12L, "NOT_RECORDED", 1L));
        assertThat(counts(month, m, "ALL", Dimension.DIAGNOSIS))
                .isEqualTo(Map.of("AUTISM", 7L, "LEARNING_DISABILITY", 13L, "NOT_RECORDED", 1L));
        assertThat(counts(month, m, "ALL", Dimension.ETHNIC_CATEGORY))
                .isEqualTo(Map.of("B", 7L, "A", 13L, "NOT_RECORDED", 1L));
        assertThat(counts(month, m, "ALL", Dimension.REFERRAL_SOURCE))
                .isEqualTo(Map.of("SELF_OR_FAMILY", 7L, "PROFESSIONAL", 13L, "NOT_RECORDED", 1L));
        assertThat(month.cells()).as("only non-zero cells").allMatch(cell -> cell.count() > 0);
        assertThat(month.restatements()).isEmpty();
    }

    @Test
    void referralsAcceptedCountWhenTheyArriveAndAnEarlierMonthsAcceptanceIsARestatement() {
        for (int i = 0; i < 12; i++) {
            store.fact("REFERRAL_ACCEPTED", store.person(), june(5)).add();
        }
        // Happened in May, reached the DSR in June: counted in June, said to belong to May.
        store.fact("REFERRAL_ACCEPTED", store.person(), LocalDate.of(2026, 5, 28)).arrived(JUNE).add();
        store.fact("REFERRAL_ACCEPTED", store.person(), june(30)).arrived(YearMonth.of(2026, 7)).add();

        MonthCells month = june(Measure.REFERRALS_ACCEPTED);

        assertThat(totalCount(month, Measure.REFERRALS_ACCEPTED, "ALL")).isEqualTo(13);
        assertThat(month.restatements()).containsExactly(
                new Restatement(Measure.REFERRALS_ACCEPTED, "ALL", YearMonth.of(2026, 5), 1));
    }

    @Test
    void referralsDeclinedAreCountedByReason() {
        for (int i = 0; i < 7; i++) {
            store.fact("REFERRAL_DECLINED", store.person(), june(8)).code("NOT_AT_RISK_OF_ADMISSION").add();
        }
        store.fact("REFERRAL_DECLINED", store.person("WILTSHIRE", null, null, null, null, null), june(9))
                .code("LIVES_OUT_OF_AREA").add();

        MonthCells month = june(Measure.REFERRALS_DECLINED);

        assertThat(totalCount(month, Measure.REFERRALS_DECLINED, "NOT_AT_RISK_OF_ADMISSION")).isEqualTo(7);
        assertThat(totalCount(month, Measure.REFERRALS_DECLINED, "LIVES_OUT_OF_AREA")).isEqualTo(1);
        assertThat(totalCount(month, Measure.REFERRALS_DECLINED, "OTHER")).isZero();
        assertThat(counts(month, Measure.REFERRALS_DECLINED, "LIVES_OUT_OF_AREA", Dimension.AGE_BAND))
                .isEqualTo(Map.of("NOT_RECORDED", 1L));
    }

    @Test
    void leavingTheRegisterIsCountedByReason() {
        for (int i = 0; i < 8; i++) {
            store.fact("LEFT_REGISTER", store.person(), june(1 + i)).code("STEPPED_DOWN").add();
        }
        store.fact("LEFT_REGISTER", store.person(), LocalDate.of(2026, 7, 1)).code("DIED").add();

        MonthCells month = june(Measure.LEFT_REGISTER);

        assertThat(counts(month, Measure.LEFT_REGISTER, "STEPPED_DOWN", Dimension.LOCALITY))
                .isEqualTo(Map.of("SWINDON", 8L));
        assertThat(totalCount(month, Measure.LEFT_REGISTER, "DIED")).isZero();
    }

    @Test
    void timeToDecisionIsDaysFromTheReferralsReceiptToItsDecision() {
        byte[] first = store.person();
        byte[] referral1 = StoreFacts.key();
        store.fact("REFERRAL_RECEIVED", first, LocalDate.of(2026, 5, 20)).record(referral1).add();
        store.fact("REFERRAL_ACCEPTED", first, june(3)).record(referral1).add();      // 14 days
        byte[] second = store.person();
        byte[] referral2 = StoreFacts.key();
        store.fact("REFERRAL_RECEIVED", second, june(1)).record(referral2).add();
        store.fact("REFERRAL_ACCEPTED", second, june(11)).record(referral2).add();    // 10 days
        byte[] third = store.person();
        byte[] referral3 = StoreFacts.key();
        store.fact("REFERRAL_RECEIVED", third, june(1)).record(referral3).add();
        store.fact("REFERRAL_DECLINED", third, june(2)).record(referral3).code("OTHER").add(); // 1 day
        // A decision whose receipt the store never saw is not measured.
        store.fact("REFERRAL_ACCEPTED", store.person(), june(4)).record(StoreFacts.key()).add();

        MonthCells month = june(Measure.TIME_TO_DECISION);

        RawCell accepted = total(month, Measure.TIME_TO_DECISION, "ACCEPTED").orElseThrow();
        assertThat(List.of(accepted.count(), accepted.sumDays(), accepted.maxDays())).containsExactly(2L, 24L, 14L);
        RawCell declined = total(month, Measure.TIME_TO_DECISION, "DECLINED").orElseThrow();
        assertThat(List.of(declined.count(), declined.sumDays(), declined.maxDays())).containsExactly(1L, 1L, 1L);
        assertThat(declined.denominator()).isNull();
    }

    @Test
    void firstContactOnTimeIsTheShareOfFirstContactsWithinTheirDeadline() {
        for (int i = 0; i < 13; i++) {
            store.fact("FIRST_CONTACT", store.person(), june(10)).due(june(12)).onTime(i < 8).add();
        }

        MonthCells month = june(Measure.FIRST_CONTACT_ON_TIME);

        RawCell all = total(month, Measure.FIRST_CONTACT_ON_TIME, "ALL").orElseThrow();
        assertThat(all.count()).as("numerator").isEqualTo(8);
        assertThat(all.denominator()).isEqualTo(13);
    }

    @Test
    void updatesOnTimeAreUpdatesFallingDueInTheMonthOfPeopleOnTheRegisterPostedByTheirDueDay() {
        byte[] onTime = onTheRegister();
        store.fact("UPDATE_POSTED", onTime, LocalDate.of(2026, 5, 1)).due(june(5)).add();
        store.fact("UPDATE_POSTED", onTime, june(4)).due(LocalDate.of(2026, 8, 4)).add();
        byte[] late = onTheRegister();
        store.fact("UPDATE_POSTED", late, LocalDate.of(2026, 5, 10)).due(june(10)).add();
        store.fact("UPDATE_POSTED", late, june(12)).due(LocalDate.of(2026, 8, 12)).add();
        byte[] never = onTheRegister();
        store.fact("UPDATE_POSTED", never, LocalDate.of(2026, 5, 20)).due(june(20)).add();
        byte[] offTheRegister = onTheRegister();
        store.fact("UPDATE_POSTED", offTheRegister, LocalDate.of(2026, 5, 20)).due(june(20)).add();
        store.fact("LEFT_REGISTER", offTheRegister, june(1)).code("STEPPED_DOWN").add();
        byte[] dueInJuly = onTheRegister();
        store.fact("UPDATE_POSTED", dueInJuly, june(20)).due(LocalDate.of(2026, 7, 1)).add();

        MonthCells month = june(Measure.UPDATES_ON_TIME);

        RawCell all = total(month, Measure.UPDATES_ON_TIME, "ALL").orElseThrow();
        assertThat(List.of(all.count(), all.denominator())).containsExactly(1L, 3L);
        assertThat(month.restatements()).isEmpty();
    }

    @Test
    void reviewsOnTimeAreObligationsFallingDueInTheMonthCompletedByTheirDueDayByKind() {
        byte[] person = onTheRegister();
        obligation(person, "COMMUNITY_CTR", june(10), "COMPLETED", june(9));      // met
        obligation(person, "COMMUNITY_CTR", june(15), "COMPLETED", june(20));     // late
        obligation(person, "COMMISSIONER_OVERSIGHT_VISIT", june(12), "NOT_NEEDED", june(1)); // met
        obligation(person, "KEYWORKER_REFERRAL", june(10), "COMPLETED", june(9)); // not a review
        obligation(person, "COMMUNITY_CTR", LocalDate.of(2026, 7, 1), null, null); // due in July

        MonthCells month = june(Measure.REVIEWS_ON_TIME);

        RawCell ctr = total(month, Measure.REVIEWS_ON_TIME, "COMMUNITY_CTR").orElseThrow();
        assertThat(List.of(ctr.count(), ctr.denominator())).containsExactly(1L, 2L);
        RawCell visit = total(month, Measure.REVIEWS_ON_TIME, "COMMISSIONER_OVERSIGHT_VISIT").orElseThrow();
        assertThat(List.of(visit.count(), visit.denominator())).containsExactly(1L, 1L);
        assertThat(total(month, Measure.REVIEWS_ON_TIME, "KEYWORKER_REFERRAL")).isEmpty();
    }

    @Test
    void aRescheduledObligationCountsOnceAtItsLatestDueDay() {
        byte[] person = onTheRegister();
        byte[] moved = StoreFacts.key();   // due June 10, rescheduled to June 20, completed June 15: on time, once
        store.fact("OBLIGATION_DUE", person, june(1)).code("COMMUNITY_CTR").due(june(10)).record(moved).add();
        store.fact("OBLIGATION_DUE", person, june(8)).code("COMMUNITY_CTR").due(june(20)).record(moved).add();
        store.fact("OBLIGATION_COMPLETED", person, june(15)).code("COMMUNITY_CTR").detail("COMPLETED").record(moved).add();
        byte[] toJuly = StoreFacts.key();  // due June 12, rescheduled to July 3: not due in June any more
        store.fact("OBLIGATION_DUE", person, june(1)).code("COMMISSIONER_OVERSIGHT_VISIT").due(june(12)).record(toJuly).add();
        store.fact("OBLIGATION_DUE", person, june(9)).code("COMMISSIONER_OVERSIGHT_VISIT")
                .due(LocalDate.of(2026, 7, 3)).record(toJuly).add();

        MonthCells month = june(Measure.REVIEWS_ON_TIME);

        RawCell ctr = total(month, Measure.REVIEWS_ON_TIME, "COMMUNITY_CTR").orElseThrow();
        assertThat(List.of(ctr.count(), ctr.denominator())).containsExactly(1L, 1L);
        assertThat(total(month, Measure.REVIEWS_ON_TIME, "COMMISSIONER_OVERSIGHT_VISIT")).isEmpty();
    }

    @Test
    void consentIsActiveOrOverdueAtMonthEndAndLapsedOrWithdrawnInTheMonth() {
        byte[] active = onTheRegister();
        store.fact("CONSENT", active, LocalDate.of(2026, 5, 1)).code("ACTIVE").add();
        byte[] overdue = onTheRegister();
        store.fact("CONSENT", overdue, LocalDate.of(2025, 6, 1)).code("ACTIVE").add();
        store.fact("CONSENT", overdue, june(10)).code("OVERDUE").add();
        byte[] activeButOff = store.person();
        store.fact("CONSENT", activeButOff, LocalDate.of(2026, 5, 1)).code("ACTIVE").add();
        byte[] lapsed = onTheRegister();
        store.fact("CONSENT", lapsed, june(12)).code("LAPSED").add();
        store.fact("LEFT_REGISTER", lapsed, june(12)).code("CONSENT_LAPSED").add();
        byte[] withdrawn = onTheRegister();
        store.fact("CONSENT", withdrawn, june(13)).code("WITHDRAWN").add();
        byte[] consentsInJuly = onTheRegister();
        store.fact("CONSENT", consentsInJuly, LocalDate.of(2026, 7, 1)).code("ACTIVE").add();

        MonthCells month = june(Measure.CONSENT_STATUS);

        assertThat(totalCount(month, Measure.CONSENT_STATUS, "ACTIVE")).isEqualTo(1);
        assertThat(totalCount(month, Measure.CONSENT_STATUS, "OVERDUE")).isEqualTo(1);
        assertThat(totalCount(month, Measure.CONSENT_STATUS, "LAPSED")).isEqualTo(1);
        assertThat(totalCount(month, Measure.CONSENT_STATUS, "WITHDRAWN")).isEqualTo(1);
    }

    @Test
    void admissionsAreSplitByWhetherThePersonWasOnTheRegisterWhenAdmitted() {
        byte[] known = onTheRegister();
        store.fact("ADMISSION", known, june(5)).add();
        byte[] neverOnIt = store.person("WILTSHIRE", "AGE_18_TO_24", "ADULT", "AUTISM", "C", "AGENCY_SYSTEM");
        store.fact("ADMISSION", neverOnIt, june(6)).add();
        byte[] leftBefore = onTheRegister();
        store.fact("LEFT_REGISTER", leftBefore, june(1)).code("STEPPED_DOWN").add();
        store.fact("ADMISSION", leftBefore, june(7)).add();
        byte[] joinedAfter = store.person();
        store.fact("ADMISSION", joinedAfter, june(8)).add();
        store.fact("REFERRAL_ACCEPTED", joinedAfter, june(9)).add();
        for (int i = 0; i < 7; i++) {
            store.fact("ADMISSION_NOT_ON_REGISTER", null, june(10)).where("SWINDON", "AGE_14_TO_17", "CHILD").add();
        }

        MonthCells month = june(Measure.ADMISSIONS);

        assertThat(totalCount(month, Measure.ADMISSIONS, Measure.ON_REGISTER)).isEqualTo(1);
        assertThat(totalCount(month, Measure.ADMISSIONS, Measure.NOT_ON_REGISTER)).isEqualTo(10);
        assertThat(counts(month, Measure.ADMISSIONS, Measure.NOT_ON_REGISTER, Dimension.LOCALITY))
                .isEqualTo(Map.of("SWINDON", 9L, "WILTSHIRE", 1L));
        assertThat(counts(month, Measure.ADMISSIONS, Measure.NOT_ON_REGISTER, Dimension.LIFE_STAGE))
                .isEqualTo(Map.of("CHILD", 7L, "ADULT", 3L));
        assertThat(counts(month, Measure.ADMISSIONS, Measure.NOT_ON_REGISTER, Dimension.DIAGNOSIS))
                .isEqualTo(Map.of("NOT_RECORDED", 7L, "AUTISM", 1L, "LEARNING_DISABILITY", 2L));
    }

    @Test
    void dischargesAreSplitByWhetherThePersonWasOnTheRegisterWhenDischarged() {
        store.fact("DISCHARGE", onTheRegister(), june(5)).add();
        store.fact("DISCHARGE", store.person(), june(6)).add();
        store.fact("DISCHARGE", StoreFacts.unknownPerson(), june(6)).add();

        MonthCells month = june(Measure.DISCHARGES);

        assertThat(totalCount(month, Measure.DISCHARGES, Measure.ON_REGISTER)).isEqualTo(1);
        assertThat(counts(month, Measure.DISCHARGES, Measure.NOT_ON_REGISTER, Dimension.LOCALITY))
                .isEqualTo(Map.of("SWINDON", 1L, "NOT_RECORDED", 1L));
    }

    @Test
    void keyworkerReferralsSuggestedAreCountedByReason() {
        for (int i = 0; i < 12; i++) {
            store.fact("KEYWORKER_SUGGESTED", store.person(), june(3)).code("UNDER_25_AT_REFERRAL").add();
        }
        store.fact("KEYWORKER_SUGGESTED", store.person(), june(3)).code("RATED_RED_AMBER_OR_BLUE").add();

        MonthCells month = june(Measure.KEYWORKER_REFERRALS_SUGGESTED);

        assertThat(totalCount(month, Measure.KEYWORKER_REFERRALS_SUGGESTED, "UNDER_25_AT_REFERRAL")).isEqualTo(12);
        assertThat(totalCount(month, Measure.KEYWORKER_REFERRALS_SUGGESTED, "RATED_RED_AMBER_OR_BLUE")).isEqualTo(1);
    }

    @Test
    void serviceRecommendationsAreCountedByServiceTypeAndTheRecommendationsArea() {
        for (int i = 0; i < 8; i++) {
            recommendation("RECOMMENDATION_MADE", "SHORT_BREAKS", "SWINDON");
        }
        for (int i = 0; i < 4; i++) {
            recommendation("RECOMMENDATION_MADE", "HOUSING", "WILTSHIRE");
        }
        recommendation("RECOMMENDATION_MET", "SHORT_BREAKS", "SWINDON");
        for (int i = 0; i < 7; i++) {
            recommendation("RECOMMENDATION_UNMET", "HOUSING", "WILTSHIRE");
        }

        MonthCells month = june(Measure.SERVICE_RECOMMENDATIONS);

        Measure m = Measure.SERVICE_RECOMMENDATIONS;
        assertThat(totalCount(month, m, "MADE")).isEqualTo(12);
        assertThat(counts(month, m, "MADE", Dimension.SERVICE_TYPE)).isEqualTo(Map.of("SHORT_BREAKS", 8L, "HOUSING", 4L));
        assertThat(counts(month, m, "MET", Dimension.LOCALITY)).isEqualTo(Map.of("SWINDON", 1L));
        assertThat(counts(month, m, "UNMET", Dimension.SERVICE_TYPE)).isEqualTo(Map.of("HOUSING", 7L));
        assertThat(counts(month, m, "UNMET", Dimension.LOCALITY)).isEqualTo(Map.of("WILTSHIRE", 7L));
        assertThat(month.cells()).as("by service type and locality only")
                .allMatch(cell -> EnumSet.of(Dimension.TOTAL, Dimension.SERVICE_TYPE, Dimension.LOCALITY)
                        .contains(cell.dimension()));
    }

    @Test
    void timeOnTheRegisterIsDaysSinceTheyLastJoinedForThoseOnItAtMonthEnd() {
        store.fact("REFERRAL_ACCEPTED", store.person(), june(20)).add();                     // 10 days
        store.fact("REFERRAL_ACCEPTED", store.person(), LocalDate.of(2026, 1, 30)).add();    // 151 days
        byte[] left = store.person();
        store.fact("REFERRAL_ACCEPTED", left, LocalDate.of(2026, 1, 1)).add();
        store.fact("LEFT_REGISTER", left, june(29)).code("OTHER").add();
        byte[] rejoined = store.person();
        store.fact("REFERRAL_ACCEPTED", rejoined, LocalDate.of(2026, 1, 1)).add();
        store.fact("LEFT_REGISTER", rejoined, LocalDate.of(2026, 3, 1)).code("OTHER").add();
        store.fact("REFERRAL_ACCEPTED", rejoined, LocalDate.of(2026, 5, 31)).add();          // 30 days

        MonthCells month = june(Measure.TIME_ON_REGISTER);

        RawCell all = total(month, Measure.TIME_ON_REGISTER, "ALL").orElseThrow();
        assertThat(List.of(all.count(), all.sumDays(), all.maxDays())).containsExactly(3L, 191L, 151L);
    }

    @Test
    void aMonthAfterTheCurrentOneHasNoFigures() {
        assertThat(figures.of(YearMonth.now().plusMonths(2))).isEmpty();
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private byte[] onTheRegister() {
        byte[] person = store.person();
        store.fact("REFERRAL_ACCEPTED", person, LocalDate.of(2026, 1, 5)).add();
        return person;
    }

    private void obligation(byte[] person, String kind, LocalDate dueOn, String outcome, LocalDate completedOn) {
        byte[] obligation = StoreFacts.key();
        store.fact("OBLIGATION_DUE", person, dueOn.minusDays(14)).code(kind).due(dueOn).record(obligation).add();
        if (outcome != null) {
            store.fact("OBLIGATION_COMPLETED", person, completedOn).code(kind).detail(outcome).record(obligation).add();
        }
    }

    private void recommendation(String kind, String serviceType, String area) {
        store.fact(kind, store.person(), june(17)).code(serviceType).in(area).record(StoreFacts.key()).add();
    }
}
