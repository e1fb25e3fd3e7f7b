package org.opendsr.reporting.snapshots;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.opendsr.reporting.measures.application.MonthFigures;
import org.opendsr.reporting.measures.domain.Measure;
import org.opendsr.reporting.measures.domain.MonthCells;
import org.opendsr.reporting.snapshots.application.MonthEndCuts;
import org.opendsr.reporting.snapshots.domain.Cut;
import org.opendsr.reporting.snapshots.domain.CutSchedule;
import org.opendsr.testkit.DsrTestEnvironment;

/**
 * Off by default (run with {@code -Ddsr.reporting.performance=true}): seeds 100,000 people and 5,000,000 facts over the
 * 12 months December 2025 to November 2026 with SQL, a month at a time as they would arrive, cuts each month as it ends
 * and prints how long each cut took, then how long reading the 12 snapshots takes. Prints figures; asserts no timing
 * (the benchmark measures the published report).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIfSystemProperty(named = "dsr.reporting.performance", matches = "true")
class SnapshotPerformanceMeasurement implements TestPropertyProvider {

    private static final YearMonth FIRST = YearMonth.of(2025, 12);
    private static final YearMonth LAST = YearMonth.of(2026, 11);
    /** 100,000 (5,000,000 facts) unless -Ddsr.reporting.performance.people says otherwise. */
    private static final int PEOPLE = Integer.getInteger("dsr.reporting.performance.people", 100_000);
    private static final int FACTS_PER_PERSON = 50;

    @Inject
    MonthEndCuts cuts;

    @Inject
    MonthFigures figures;

    @Inject
    TransactionOperations<Connection> transactions;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(DsrTestEnvironment.forService("reporting"));
        properties.put("dsr.reporting.snapshots.schedule-enabled", "false");
        return properties;
    }

    @Test
    void cutsAndReadsAYearOf5MillionFacts() {
        StoreFacts store = new StoreFacts(transactions);
        long started = System.nanoTime();
        store.sql("""
                INSERT INTO reporting_person (pseudonym, age_band, life_stage, locality, diagnosis, ethnic_category,
                                              referral_route)
                SELECT sha256(('person:' || i)::bytea),
                       (ARRAY['AGE_0_TO_9','AGE_10_TO_13','AGE_14_TO_17','AGE_18_TO_24','AGE_25_TO_34','AGE_35_TO_49',
                              'AGE_50_TO_64','AGE_65_AND_OVER'])[i %% 8 + 1],
                       CASE WHEN i %% 8 < 3 THEN 'CHILD' ELSE 'ADULT' END,
                       (ARRAY['SWINDON','WILTSHIRE','BATH_AND_NORTH_EAST_SOMERSET','OUT_OF_AREA'])[i %% 4 + 1],
                       CASE WHEN i %% 11 = 0 THEN NULL ELSE (ARRAY['LEARNING_DISABILITY','AUTISM',
                            'LEARNING_DISABILITY_AND_AUTISM','ASSESSMENT_PATHWAY'])[i %% 4 + 1] END,
                       (ARRAY['A','B','C','D','E','F','G','H','J','K','L','M','N','P','R','S','Z','NOT_KNOWN'])[i %% 18 + 1],
                       (ARRAY['PROFESSIONAL','SELF_OR_FAMILY','AGENCY_SYSTEM'])[i %% 3 + 1]
                FROM generate_series(0, %d) i""".formatted(PEOPLE - 1));
        // Each person's 50 facts: a referral and its decision, a first contact, ratings, 20 updates, obligations and
        // their completions, consent, an admission and discharge, a keyworker suggestion, recommendations, and one
        // anonymous admission signal; spread over the year, about 1 in 97 reaching the DSR the month after.
        store.sql("""
                CREATE UNLOGGED TABLE perf_fact AS
                WITH g AS (SELECT g, g / %1$d AS person, g %% %1$d AS slot FROM generate_series(0, %2$d) g),
                d AS (SELECT g, person, slot,
                             DATE '2025-12-01' + ((person * 13 + slot * 7) %% 365) AS occurred_on,
                             CASE slot WHEN 0 THEN 'REFERRAL_RECEIVED'
                                       WHEN 1 THEN CASE WHEN person %% 5 = 0 THEN 'REFERRAL_DECLINED' ELSE 'REFERRAL_ACCEPTED' END
                                       WHEN 2 THEN 'FIRST_CONTACT'
                                       WHEN 3 THEN CASE WHEN person %% 5 = 1 THEN 'LEFT_REGISTER' ELSE 'RATING' END
                                       WHEN 42 THEN 'ADMISSION' WHEN 43 THEN 'DISCHARGE' WHEN 44 THEN 'KEYWORKER_SUGGESTED'
                                       WHEN 45 THEN 'RECOMMENDATION_MADE' WHEN 46 THEN 'RECOMMENDATION_MET'
                                       WHEN 47 THEN 'RECOMMENDATION_UNMET' WHEN 48 THEN 'ADMISSION_NOT_ON_REGISTER'
                                       ELSE CASE WHEN slot BETWEEN 12 AND 31 THEN 'UPDATE_POSTED'
                                                 WHEN slot BETWEEN 32 AND 35 THEN 'OBLIGATION_DUE'
                                                 WHEN slot BETWEEN 36 AND 38 THEN 'OBLIGATION_COMPLETED'
                                                 WHEN slot BETWEEN 39 AND 41 THEN 'CONSENT'
                                                 ELSE 'RATING' END END AS kind
                      FROM g)
                SELECT CASE WHEN kind = 'ADMISSION_NOT_ON_REGISTER' THEN NULL
                            ELSE sha256(('person:' || person)::bytea) END AS pseudonym,
                       kind, occurred_on,
                       date_trunc('month', occurred_on + CASE WHEN g %% 97 = 0 THEN 20 ELSE 0 END)::date AS arrived_month,
                       CASE kind WHEN 'RATING' THEN (ARRAY['RED','AMBER','GREEN','BLUE'])[g %% 4 + 1]
                                 WHEN 'REFERRAL_RECEIVED' THEN 'PROFESSIONAL'
                                 WHEN 'REFERRAL_DECLINED' THEN 'NOT_AT_RISK_OF_ADMISSION'
                                 WHEN 'LEFT_REGISTER' THEN 'STEPPED_DOWN'
                                 WHEN 'OBLIGATION_DUE' THEN (ARRAY['COMMUNITY_CTR','MULTI_AGENCY_REVIEW',
                                      'COMMISSIONER_OVERSIGHT_VISIT','KEYWORKER_REFERRAL'])[slot - 31]
                                 WHEN 'OBLIGATION_COMPLETED' THEN (ARRAY['COMMUNITY_CTR','MULTI_AGENCY_REVIEW',
                                      'COMMISSIONER_OVERSIGHT_VISIT'])[slot - 35]
                                 WHEN 'CONSENT' THEN (ARRAY['ACTIVE','OVERDUE','LAPSED','WITHDRAWN'])[(g / 7) %% 4 + 1]
                                 WHEN 'KEYWORKER_SUGGESTED' THEN 'UNDER_25_AT_REFERRAL'
                                 WHEN 'RECOMMENDATION_MADE' THEN (ARRAY['HOUSING','SHORT_BREAKS','KEYWORKER',
                                      'ADVOCACY','CRISIS_SUPPORT','INTENSIVE_SUPPORT_TEAM'])[person %% 6 + 1]
                                 WHEN 'RECOMMENDATION_MET' THEN (ARRAY['HOUSING','SHORT_BREAKS','KEYWORKER',
                                      'ADVOCACY','CRISIS_SUPPORT','INTENSIVE_SUPPORT_TEAM'])[person %% 6 + 1]
                                 WHEN 'RECOMMENDATION_UNMET' THEN (ARRAY['HOUSING','SHORT_BREAKS','KEYWORKER',
                                      'ADVOCACY','CRISIS_SUPPORT','INTENSIVE_SUPPORT_TEAM'])[person %% 6 + 1]
                                 ELSE NULL END AS code,
                       CASE kind WHEN 'OBLIGATION_COMPLETED' THEN 'COMPLETED' WHEN 'RECOMMENDATION_UNMET'
                                 THEN 'NO_PROVIDER' ELSE NULL END AS detail,
                       CASE kind WHEN 'UPDATE_POSTED' THEN occurred_on + 28 WHEN 'OBLIGATION_DUE' THEN occurred_on + 30
                                 WHEN 'FIRST_CONTACT' THEN occurred_on + 7 ELSE NULL END AS due_on,
                       CASE WHEN kind = 'FIRST_CONTACT' THEN g %% 3 <> 0 END AS on_time,
                       CASE WHEN slot <= 2 THEN sha256(('referral:' || person)::bytea)
                            WHEN kind = 'OBLIGATION_DUE' THEN sha256(('obligation:' || person || ':' || slot)::bytea)
                            WHEN kind = 'OBLIGATION_COMPLETED' THEN sha256(('obligation:' || person || ':' || (slot - 4))::bytea)
                            WHEN kind LIKE 'RECOMMENDATION_%%' THEN sha256(('recommendation:' || person)::bytea)
                            ELSE NULL END AS record_key,
                       CASE WHEN kind LIKE 'RECOMMENDATION_%%' OR kind = 'ADMISSION_NOT_ON_REGISTER'
                            THEN (ARRAY['SWINDON','WILTSHIRE','BATH_AND_NORTH_EAST_SOMERSET'])[g %% 3 + 1] END AS locality,
                       CASE WHEN kind = 'ADMISSION_NOT_ON_REGISTER' THEN 'AGE_25_TO_34' END AS age_band,
                       CASE WHEN kind = 'ADMISSION_NOT_ON_REGISTER' THEN 'ADULT' END AS life_stage
                FROM d""".formatted(FACTS_PER_PERSON, PEOPLE * FACTS_PER_PERSON - 1));
        System.out.printf("PERF seeded %d people and staged %d facts in %d ms%n",
                store.number("SELECT count(*) FROM reporting_person"), store.number("SELECT count(*) FROM perf_fact"),
                elapsedMs(started));

        CutSchedule schedule = new CutSchedule(Duration.ofHours(1));
        for (YearMonth month = FIRST; !month.isAfter(LAST); month = month.plusMonths(1)) {
            long inserting = System.nanoTime();
            store.sql("""
                    INSERT INTO reporting_fact (pseudonym, kind, occurred_on, arrived_month, code, detail, due_on,
                                                on_time, record_key, locality, age_band, life_stage)
                    SELECT pseudonym, kind, occurred_on, arrived_month, code, detail, due_on, on_time, record_key,
                           locality, age_band, life_stage
                    FROM perf_fact WHERE arrived_month = DATE '%s' ORDER BY occurred_on""".formatted(month.atDay(1)));
            long insertMs = elapsedMs(inserting);
            store.sql("ANALYZE reporting_fact");
            long cutting = System.nanoTime();
            List<Cut> cut = cuts.cutDue(schedule.dueAt(month));
            System.out.printf("PERF %s: facts applied in %d ms; cut %s in %d ms (%d cells, %d restatements), "
                            + "%d facts in the store%n", month, insertMs, cut.stream().map(Cut::month).toList(),
                    elapsedMs(cutting), cut.isEmpty() ? 0 : cut.get(0).cells(),
                    cut.isEmpty() ? 0 : cut.get(0).restatements(), store.number("SELECT max(seq) FROM reporting_fact"));
        }

        Set<Measure> all = EnumSet.allOf(Measure.class);
        for (int round = 1; round <= 5; round++) {
            long reading = System.nanoTime();
            List<MonthCells> year = figures.months(FIRST, LAST, all);
            long oneQueryMs = elapsedMs(reading);
            long monthByMonth = System.nanoTime();
            int cells = 0;
            for (YearMonth month = FIRST; !month.isAfter(LAST); month = month.plusMonths(1)) {
                cells += figures.of(month).orElseThrow().cells().size();
            }
            System.out.printf("PERF read 12 snapshots (%d cells): %d ms in one read; %d ms month by month (%d cells)%n",
                    year.stream().mapToInt(month -> month.cells().size()).sum(), oneQueryMs,
                    elapsedMs(monthByMonth), cells);
        }
        for (int round = 1; round <= 3; round++) {
            long live = System.nanoTime();
            figures.of(LAST.plusMonths(1), EnumSet.of(Measure.REFERRALS_RECEIVED)).orElseThrow();
            long oneMs = elapsedMs(live);
            long allLive = System.nanoTime();
            figures.of(LAST.plusMonths(1)).orElseThrow();
            System.out.printf("PERF the open month %s live: referrals-received alone %d ms; all measures %d ms%n",
                    LAST.plusMonths(1), oneMs, elapsedMs(allLive));
        }
        for (Measure measure : Measure.values()) {
            long one = System.nanoTime();
            figures.of(LAST.plusMonths(1), EnumSet.of(measure)).orElseThrow();
            long openMs = elapsedMs(one);
            System.out.printf("PERF %s live: %d ms for the open month%n", measure.id(), openMs);
        }
        System.out.printf("PERF total %d ms; now %s%n", elapsedMs(started), Instant.now());
    }

    private static long elapsedMs(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
