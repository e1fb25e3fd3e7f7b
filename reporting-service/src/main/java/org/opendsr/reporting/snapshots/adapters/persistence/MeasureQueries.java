package org.opendsr.reporting.snapshots.adapters.persistence;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.opendsr.reporting.measures.domain.Dimension;
import org.opendsr.reporting.measures.domain.Measure;

/**
 * What each measure counts, as SQL over the pseudonymised store (V2: {@code reporting_fact}, {@code reporting_person}),
 * following DOMAIN.md "Reporting" and the issue 14 design. Each measure is one statement:
 *
 * <ol>
 *   <li>its <b>items</b>: one row per thing counted, with its group ({@code grp}), the categories of the measure's
 *       dimensions, {@code counted} (PERCENT: whether it is in the numerator), {@code days} (DAYS) and
 *       {@code occurred_on} (flows only: the day it happened, for restatements; null for stocks);</li>
 *   <li>the cells: the items counted by {@code GROUPING SETS} over the measure's dimensions (TOTAL and one set per
 *       dimension), so only non-zero cells come back;</li>
 *   <li>the restatements: flow items that happened in an earlier month than the one worked out, ICB totals by group and
 *       the month they happened in.</li>
 * </ol>
 *
 * <p>Placeholders, replaced by typed literals ({@link PostgresMeasureCells}; dates and numbers only, so the planner
 * sees real values): {@code :month_start}, {@code :month_end} (its last day), {@code :after_seq} (H, the last cut's
 * seq), {@code :upto_seq} (H', the highest seq taken) and {@code :late_before} (late facts are those that arrived
 * before this month and were applied after H).
 *
 * <p>Person dimensions are the person's attributes as the store holds them now, NOT_RECORDED where unknown.
 */
final class MeasureQueries {

    private MeasureQueries() {
    }

    /** The categories of the person dimensions, from {@code reporting_person p} (left-joined: NOT_RECORDED if unknown). */
    private static final String PERSON_DIMENSIONS = """
            coalesce(p.locality, 'NOT_RECORDED') AS locality,
            coalesce(p.age_band, 'NOT_RECORDED') AS age_band,
            coalesce(p.life_stage, 'NOT_RECORDED') AS life_stage,
            coalesce(p.diagnosis, 'NOT_RECORDED') AS diagnosis,
            coalesce(p.ethnic_category, 'NOT_RECORDED') AS ethnic_category,
            coalesce(p.referral_route, 'NOT_RECORDED') AS referral_source""";

    /**
     * The flow facts of these kinds that month m takes: F(m) = those that arrived in m (seq <= H'), and the late ones
     * (arrived in a month already cut, applied after its cut: H < seq <= H'). Two index scans (by arrival month; by
     * seq, only what came since the last cut), not one scan of every fact.
     */
    static String flows(String... kinds) {
        String in = Arrays.stream(kinds).map(kind -> "'" + kind + "'").collect(Collectors.joining(", "));
        return """
                (SELECT * FROM reporting_fact WHERE kind IN (%1$s) AND arrived_month = :month_start AND seq <= :upto_seq
                 UNION ALL
                 SELECT * FROM reporting_fact WHERE kind IN (%1$s) AND arrived_month < :late_before
                   AND seq > :after_seq AND seq <= :upto_seq)""".formatted(in);
    }

    /**
     * Whether a person was on the register on a day: their latest REFERRAL_ACCEPTED or LEFT_REGISTER on or before it
     * (ties: the later applied) is REFERRAL_ACCEPTED.
     */
    static String onRegister(String pseudonym, String day) {
        return """
                coalesce((SELECT r.kind = 'REFERRAL_ACCEPTED' FROM reporting_fact r
                          WHERE r.pseudonym = %s AND r.kind IN ('REFERRAL_ACCEPTED', 'LEFT_REGISTER')
                            AND r.occurred_on <= %s AND r.seq <= :upto_seq
                          ORDER BY r.occurred_on DESC, r.seq DESC LIMIT 1), FALSE)""".formatted(pseudonym, day);
    }

    /** The people on the register at month end, with the day they (last) joined it. */
    private static final String REGISTER_AT_MONTH_END = """
            register_at_month_end AS (
                SELECT pseudonym, occurred_on AS joined_on FROM (
                    SELECT DISTINCT ON (pseudonym) pseudonym, kind, occurred_on FROM reporting_fact
                    WHERE kind IN ('REFERRAL_ACCEPTED', 'LEFT_REGISTER') AND occurred_on <= :month_end
                      AND seq <= :upto_seq
                    ORDER BY pseudonym, occurred_on DESC, seq DESC) latest
                WHERE kind = 'REFERRAL_ACCEPTED')""";

    /** Each person's latest fact of a kind (its code) on or before month end. */
    private static String latestAtMonthEnd(String name, String kind) {
        return """
                %s AS (
                    SELECT DISTINCT ON (pseudonym) pseudonym, code FROM reporting_fact
                    WHERE kind = '%s' AND occurred_on <= :month_end AND seq <= :upto_seq
                    ORDER BY pseudonym, occurred_on DESC, seq DESC)""".formatted(name, kind);
    }

    /** A flow counted one per fact, in a group given by an SQL expression over the fact {@code f}. */
    private static String countedFlow(String group, String... kinds) {
        return """
                SELECT %s AS grp, %s, NULL::boolean AS counted, NULL::integer AS days, f.occurred_on
                FROM %s f LEFT JOIN reporting_person p ON p.pseudonym = f.pseudonym""".formatted(group,
                PERSON_DIMENSIONS, flows(kinds));
    }

    /** The items of a measure: the WITH list ending in {@code items}, ready for {@link #statement}. */
    static String items(Measure measure) {
        return switch (measure) {
            // People on the register at month end, by their latest rating on or before it (NOT_RATED: never rated).
            case REGISTER_BY_RATING -> REGISTER_AT_MONTH_END + ",\n" + latestAtMonthEnd("latest_rating", "RATING") + """
                    ,
                    items AS (
                        SELECT coalesce(rating.code, 'NOT_RATED') AS grp, %s, NULL::boolean AS counted,
                               NULL::integer AS days, NULL::date AS occurred_on
                        FROM register_at_month_end reg
                        LEFT JOIN latest_rating rating ON rating.pseudonym = reg.pseudonym
                        LEFT JOIN reporting_person p ON p.pseudonym = reg.pseudonym)""".formatted(PERSON_DIMENSIONS);

            // Referrals received in the month (flow): one per dsr.referral.received.v1.
            case REFERRALS_RECEIVED -> "items AS (" + countedFlow("'ALL'", "REFERRAL_RECEIVED") + ")";

            // Referrals accepted in the month: people joining the register (flow).
            case REFERRALS_ACCEPTED -> "items AS (" + countedFlow("'ALL'", "REFERRAL_ACCEPTED") + ")";

            // Referrals declined in the month, by decline reason (flow).
            case REFERRALS_DECLINED -> "items AS (" + countedFlow("coalesce(f.code, 'NOT_RECORDED')",
                    "REFERRAL_DECLINED") + ")";

            // People removed from the register in the month, by removal reason (flow).
            case LEFT_REGISTER -> "items AS (" + countedFlow("coalesce(f.code, 'NOT_RECORDED')", "LEFT_REGISTER")
                    + ")";

            // Decisions in the month (flow): days from the referral's receipt (same record_key) to its acceptance or
            // decline. A decision whose receipt the store never saw is not measured.
            case TIME_TO_DECISION -> """
                    items AS (
                        SELECT CASE f.kind WHEN 'REFERRAL_ACCEPTED' THEN 'ACCEPTED' ELSE 'DECLINED' END AS grp, %s,
                               NULL::boolean AS counted, f.occurred_on - received.occurred_on AS days, f.occurred_on
                        FROM %s f
                        JOIN LATERAL (SELECT r.occurred_on FROM reporting_fact r
                                      WHERE r.record_key = f.record_key AND r.kind = 'REFERRAL_RECEIVED'
                                        AND r.seq <= :upto_seq
                                      ORDER BY r.seq LIMIT 1) received ON TRUE
                        LEFT JOIN reporting_person p ON p.pseudonym = f.pseudonym)"""
                    .formatted(PERSON_DIMENSIONS, flows("REFERRAL_ACCEPTED", "REFERRAL_DECLINED"));

            // First contacts made in the month (flow): of them, how many within 5 working days (the event says).
            case FIRST_CONTACT_ON_TIME -> """
                    items AS (
                        SELECT 'ALL' AS grp, %s, coalesce(f.on_time, FALSE) AS counted, NULL::integer AS days,
                               f.occurred_on
                        FROM %s f LEFT JOIN reporting_person p ON p.pseudonym = f.pseudonym)"""
                    .formatted(PERSON_DIMENSIONS, flows("FIRST_CONTACT"));

            // Updates falling due in the month (the next due day each posted update set) of people on the register
            // that day: on time if a later update of theirs (higher seq) was posted on or before that day.
            case UPDATES_ON_TIME -> """
                    items AS (
                        SELECT 'ALL' AS grp, %s,
                               EXISTS (SELECT 1 FROM reporting_fact n
                                       WHERE n.pseudonym = u.pseudonym AND n.kind = 'UPDATE_POSTED' AND n.seq > u.seq
                                         AND n.seq <= :upto_seq AND n.occurred_on <= u.due_on) AS counted,
                               NULL::integer AS days, NULL::date AS occurred_on
                        FROM reporting_fact u LEFT JOIN reporting_person p ON p.pseudonym = u.pseudonym
                        WHERE u.kind = 'UPDATE_POSTED' AND u.due_on BETWEEN :month_start AND :month_end
                          AND u.seq <= :upto_seq AND %s)"""
                    .formatted(PERSON_DIMENSIONS, onRegister("u.pseudonym", "u.due_on"));

            // Review obligations (C(E)TRs, multi-agency reviews, oversight visits; not keyworker referrals) falling due
            // in the month, by kind: met on time if completed (any outcome, NOT_NEEDED included) on or before the due
            // day. A rescheduled obligation is published again with the same id: only its latest due fact (by seq,
            // within the window) counts, at its latest due day.
            case REVIEWS_ON_TIME -> """
                    items AS (
                        SELECT coalesce(o.code, 'NOT_RECORDED') AS grp, %s,
                               EXISTS (SELECT 1 FROM reporting_fact c
                                       WHERE c.record_key = o.record_key AND c.kind = 'OBLIGATION_COMPLETED'
                                         AND c.seq <= :upto_seq AND c.occurred_on <= o.due_on) AS counted,
                               NULL::integer AS days, NULL::date AS occurred_on
                        FROM reporting_fact o LEFT JOIN reporting_person p ON p.pseudonym = o.pseudonym
                        WHERE o.kind = 'OBLIGATION_DUE' AND o.due_on BETWEEN :month_start AND :month_end
                          AND o.code IS DISTINCT FROM 'KEYWORKER_REFERRAL' AND o.seq <= :upto_seq
                          AND NOT EXISTS (SELECT 1 FROM reporting_fact later
                                          WHERE later.record_key = o.record_key AND later.kind = 'OBLIGATION_DUE'
                                            AND later.seq > o.seq AND later.seq <= :upto_seq))"""
                    .formatted(PERSON_DIMENSIONS);

            // Consent: ACTIVE and OVERDUE are people on the register at month end whose latest consent fact on or
            // before it says so (stock); LAPSED and WITHDRAWN are consents that ended in the month (flow).
            case CONSENT_STATUS -> REGISTER_AT_MONTH_END + ",\n" + latestAtMonthEnd("latest_consent", "CONSENT") + """
                    ,
                    items AS (
                        SELECT consent.code AS grp, %1$s, NULL::boolean AS counted, NULL::integer AS days,
                               NULL::date AS occurred_on
                        FROM register_at_month_end reg
                        JOIN latest_consent consent ON consent.pseudonym = reg.pseudonym
                        LEFT JOIN reporting_person p ON p.pseudonym = reg.pseudonym
                        WHERE consent.code IN ('ACTIVE', 'OVERDUE')
                        UNION ALL
                        SELECT f.code, %1$s, NULL, NULL, f.occurred_on
                        FROM %2$s f LEFT JOIN reporting_person p ON p.pseudonym = f.pseudonym
                        WHERE f.code IN ('LAPSED', 'WITHDRAWN'))""".formatted(PERSON_DIMENSIONS, flows("CONSENT"));

            // Admissions in the month (flow), split by whether the person was on the register on the day admitted;
            // the anonymous "admitted, not on the register" signal carries its own locality, age band and life stage.
            case ADMISSIONS -> """
                    items AS (
                        SELECT CASE WHEN %s THEN 'ON_REGISTER' ELSE 'NOT_ON_REGISTER' END AS grp, %s,
                               NULL::boolean AS counted, NULL::integer AS days, f.occurred_on
                        FROM %s f LEFT JOIN reporting_person p ON p.pseudonym = f.pseudonym
                        UNION ALL
                        SELECT 'NOT_ON_REGISTER', coalesce(f.locality, 'NOT_RECORDED'),
                               coalesce(f.age_band, 'NOT_RECORDED'), coalesce(f.life_stage, 'NOT_RECORDED'),
                               'NOT_RECORDED', 'NOT_RECORDED', 'NOT_RECORDED', NULL, NULL, f.occurred_on
                        FROM %s f)""".formatted(onRegister("f.pseudonym", "f.occurred_on"), PERSON_DIMENSIONS,
                    flows("ADMISSION"), flows("ADMISSION_NOT_ON_REGISTER"));

            // Discharges in the month (flow), split by whether the person was on the register on the day discharged.
            case DISCHARGES -> """
                    items AS (
                        SELECT CASE WHEN %s THEN 'ON_REGISTER' ELSE 'NOT_ON_REGISTER' END AS grp, %s,
                               NULL::boolean AS counted, NULL::integer AS days, f.occurred_on
                        FROM %s f LEFT JOIN reporting_person p ON p.pseudonym = f.pseudonym)"""
                    .formatted(onRegister("f.pseudonym", "f.occurred_on"), PERSON_DIMENSIONS, flows("DISCHARGE"));

            // Keyworker referrals suggested in the month, by reason (flow).
            case KEYWORKER_REFERRALS_SUGGESTED -> "items AS (" + countedFlow("coalesce(f.code, 'NOT_RECORDED')",
                    "KEYWORKER_SUGGESTED") + ")";

            // Service recommendations made, met and unmet in the month (flow), by the service type (the fact's code)
            // and the area the recommendation was for (the fact's own locality): the service gaps.
            case SERVICE_RECOMMENDATIONS -> """
                    items AS (
                        SELECT CASE f.kind WHEN 'RECOMMENDATION_MADE' THEN 'MADE'
                                           WHEN 'RECOMMENDATION_MET' THEN 'MET' ELSE 'UNMET' END AS grp,
                               coalesce(f.locality, 'NOT_RECORDED') AS locality,
                               coalesce(f.code, 'NOT_RECORDED') AS service_type,
                               NULL::boolean AS counted, NULL::integer AS days, f.occurred_on
                        FROM %s f)""".formatted(flows("RECOMMENDATION_MADE", "RECOMMENDATION_MET",
                    "RECOMMENDATION_UNMET"));

            // People on the register at month end: days from the day they (last) joined it to month end.
            case TIME_ON_REGISTER -> REGISTER_AT_MONTH_END + """
                    ,
                    items AS (
                        SELECT 'ALL' AS grp, %s, NULL::boolean AS counted, :month_end - reg.joined_on AS days,
                               NULL::date AS occurred_on
                        FROM register_at_month_end reg
                        LEFT JOIN reporting_person p ON p.pseudonym = reg.pseudonym)""".formatted(PERSON_DIMENSIONS);
        };
    }

    /** The column of the items a dimension's categories are in. */
    static String columnOf(Dimension dimension) {
        return switch (dimension) {
            case TOTAL -> throw new IllegalArgumentException("TOTAL has no column");
            case LOCALITY -> "locality";
            case AGE_BAND -> "age_band";
            case LIFE_STAGE -> "life_stage";
            case DIAGNOSIS -> "diagnosis";
            case ETHNIC_CATEGORY -> "ethnic_category";
            case REFERRAL_SOURCE -> "referral_source";
            case SERVICE_TYPE -> "service_type";
        };
    }

    /**
     * The measure's whole statement. Rows: {@code row_kind} 'C' (a cell: grp, dimension, category, count, denominator,
     * sum_days, max_days) or 'R' (a restatement: grp, category = the month it happened as YYYY-MM, count).
     */
    static String statement(Measure measure) {
        List<Dimension> broken = measure.dimensions().stream().filter(d -> d != Dimension.TOTAL).toList();
        String sets = broken.stream().map(d -> "(grp, " + columnOf(d) + ")")
                .collect(Collectors.joining(", ", "(grp), ", ""));
        StringBuilder dimension = new StringBuilder("CASE");
        StringBuilder category = new StringBuilder("CASE");
        for (Dimension d : broken) {
            dimension.append(" WHEN GROUPING(").append(columnOf(d)).append(") = 0 THEN '").append(d.name()).append("'");
            category.append(" WHEN GROUPING(").append(columnOf(d)).append(") = 0 THEN ").append(columnOf(d));
        }
        dimension.append(" ELSE 'TOTAL' END");
        category.append(" ELSE 'ALL' END");
        String figures = switch (measure.unit()) {
            case COUNT -> "count(*), NULL::bigint, NULL::bigint, NULL::bigint";
            case PERCENT -> "count(*) FILTER (WHERE counted), count(*), NULL::bigint, NULL::bigint";
            case DAYS -> "count(*), NULL::bigint, sum(days), max(days)::bigint";
        };
        return "WITH " + items(measure) + "\n"
                + "SELECT 'C' AS row_kind, grp, " + dimension + " AS dimension, " + category + " AS category, "
                + figures + "\nFROM items GROUP BY GROUPING SETS (" + sets + ")\n"
                + "UNION ALL\n"
                + "SELECT 'R', grp, NULL, to_char(occurred_on, 'YYYY-MM'), count(*), NULL, NULL, NULL\n"
                + "FROM items WHERE occurred_on < :month_start GROUP BY grp, to_char(occurred_on, 'YYYY-MM')";
    }
}
