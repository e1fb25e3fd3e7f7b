package org.opendsr.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.opendsr.contracts.common.AgeBand;
import org.opendsr.contracts.common.Diagnosis;
import org.opendsr.contracts.common.RagRating;
import org.opendsr.contracts.meeting.UnmetReason;
import org.opendsr.contracts.referral.DeclineReason;
import org.opendsr.contracts.referral.KeyworkerSuggestionReason;
import org.opendsr.contracts.referral.ReferralRoute;
import org.opendsr.contracts.referral.RemovalReason;
import org.opendsr.contracts.referral.WithdrawalReason;
import org.opendsr.contracts.risk.ObligationKind;
import org.opendsr.contracts.risk.ObligationOutcome;

/**
 * A year of reporting history written straight into reporting-service's pseudonymised store
 * ({@code reporting_person}, {@code reporting_fact}; their columns as V2__pseudonymised_store.sql defines them), with
 * SQL {@code generate_series} in one transaction: what a year of events would have left there, without a year of
 * events. The benchmark then cuts the year's month-end snapshots and times reports read from them.
 *
 * <p>The shape, per person ({@link Plan} says how many of each): a referral received (45% in the first month: the
 * register as it stood, the rest across the year), then accepted (82%), declined (12%, by reason) or withdrawn (6%);
 * a first contact (accepted and declined, within 1-9 days, on time when within 7); 8% leave the register later in
 * the year. People on the register then have the year's ongoing facts between their acceptance and the year's end
 * (or their leaving): updates posted (with a next due day), ratings, consent statuses, admissions, discharges,
 * anonymous admissions of people not on the register, keyworker suggestions; review obligations falling due (85%
 * completed, some late) and service recommendations (40% met, 25% unmet, by reason), each paired by a record key.
 * A person's facts get kinds and outcomes by scrambled numbers ({@link #countScrambled}), so each has a mix.
 * Attributes are spread as a real ICB's would be (localities, age bands, diagnoses, ethnic categories, routes); 2% of
 * facts arrive a month after they happened (restatements). Facts are inserted in arrival order, so {@code seq} is the
 * apply order a year of events would have given. Random, but seeded: every run writes the same history.
 */
final class ReportingHistory {

    /** Share of people whose referral falls in the year's first month (the register as it stood). */
    private static final double FIRST_MONTH_SHARE = 0.45;
    /** Of every 100 people (person number mod 100): below 82 accepted, 82-93 declined, 94-99 withdrawn. */
    static final int ACCEPTED_BELOW = 82;
    static final int DECLINED_BELOW = 94;
    /** People below this (mod 100, all accepted) leave the register during the year. */
    static final int LEFT_BELOW = 8;
    /** Of the ongoing facts: review obligations falling due, and service recommendations made. */
    static final double OBLIGATION_SHARE = 0.11;
    static final double RECOMMENDATION_SHARE = 0.09;
    /** Of every 100 obligations (number mod 100): below 85 completed. */
    static final int COMPLETED_BELOW = 85;
    /** Of every 100 recommendations: below 40 met, 40-64 unmet, the rest still open. */
    static final int MET_BELOW = 40;
    static final int UNMET_BELOW = 65;
    private static final double LATE_SHARE = 0.02;

    private static final List<String> LOCALITIES = List.of("WILTSHIRE", "SWINDON", "BATH_AND_NORTH_EAST_SOMERSET",
            "OUT_OF_AREA");

    private ReportingHistory() {
    }

    /**
     * How many facts of each kind a history of {@code people} people and {@code facts} facts has: exact, so that
     * the store holds exactly {@code facts} facts.
     */
    record Plan(int people, long facts, long accepted, long declined, long withdrawn, long firstContacts,
                long leftRegister, long obligations, long completions, long recommendations, long recommendationOutcomes,
                long singles) {

        static Plan of(int people, long facts) {
            long accepted = countMod100(people, 0, ACCEPTED_BELOW);
            long declined = countMod100(people, ACCEPTED_BELOW, DECLINED_BELOW);
            long withdrawn = countMod100(people, DECLINED_BELOW, 100);
            long contacts = countMod100(people, 0, DECLINED_BELOW);
            long left = countMod100(people, 0, LEFT_BELOW);
            long lifecycle = people + (accepted + declined + withdrawn) + contacts + left;
            long ongoing = facts - lifecycle;
            if (ongoing < 0 || accepted == 0) {
                throw new IllegalArgumentException(facts + " facts are too few for " + people + " people (at least "
                        + lifecycle + ")");
            }
            long obligations = Math.round(ongoing * OBLIGATION_SHARE);
            long completions = countScrambled(obligations, OUTCOME_MULTIPLIER, 100, 0, COMPLETED_BELOW);
            long recommendations = Math.round(ongoing * RECOMMENDATION_SHARE);
            long outcomes = countScrambled(recommendations, OUTCOME_MULTIPLIER, 100, 0, UNMET_BELOW);
            long singles = ongoing - obligations - completions - recommendations - outcomes;
            return new Plan(people, facts, accepted, declined, withdrawn, contacts, left, obligations, completions,
                    recommendations, outcomes, singles);
        }

        long total() {
            return people + accepted + declined + withdrawn + firstContacts + leftRegister + obligations + completions
                    + recommendations + recommendationOutcomes + singles;
        }
    }

    /** How many of the numbers 1..n have {@code lo <= number mod 100 < hi}. */
    static long countMod100(long n, int lo, int hi) {
        return countScrambled(n, 1, 100, lo, hi);
    }

    /**
     * How many of the numbers g = 1..n have {@code lo <= (g * multiplier) mod modulus < hi}. With a multiplier prime to
     * the modulus, each whole block of {@code modulus} numbers has every remainder once, but neighbours get far-apart
     * remainders: the facts a person is given (consecutive numbers) get mixed kinds and outcomes.
     */
    static long countScrambled(long n, int multiplier, int modulus, int lo, int hi) {
        long count = (n / modulus) * (hi - lo);
        long rest = n % modulus; // the last, partial block: numbers 1..rest of it
        for (long g = 1; g <= rest; g++) {
            long remainder = (g * multiplier) % modulus;
            if (remainder >= lo && remainder < hi) {
                count++;
            }
        }
        return count;
    }

    /** The scrambles: a fact's kind by (g * 919) mod 1000, an obligation's or recommendation's outcome by (g * 37) mod 100. */
    static final int KIND_MULTIPLIER = 919;
    static final int OUTCOME_MULTIPLIER = 37;

    /**
     * A weighted choice as SQL: {@code CASE WHEN r < t1 THEN 'A' WHEN r < t2 THEN 'B' ... ELSE 'Z' END}, where r is
     * a column holding a uniform random number in [0, 1) and the thresholds are the cumulative shares of the weights.
     * A null value means "not recorded".
     */
    static String pick(String randomColumn, Map<String, Double> weights) {
        double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        StringBuilder sql = new StringBuilder("CASE");
        double cumulative = 0;
        List<Map.Entry<String, Double>> entries = new ArrayList<>(weights.entrySet());
        for (int i = 0; i < entries.size() - 1; i++) {
            cumulative += entries.get(i).getValue() / total;
            sql.append(String.format(java.util.Locale.ROOT, " WHEN %s < %.6f THEN %s", randomColumn, cumulative,
                    literal(entries.get(i).getKey())));
        }
        return sql.append(" ELSE ").append(literal(entries.get(entries.size() - 1).getKey())).append(" END").toString();
    }

    /** Equal weights. */
    static String pickEvenly(String randomColumn, List<String> values) {
        Map<String, Double> weights = new LinkedHashMap<>();
        values.forEach(value -> weights.put(value, 1.0));
        return pick(randomColumn, weights);
    }

    /**
     * A day {@code candidate} that falls after the year's end is drawn again between {@code base} and the end, with
     * the same random number: outcomes near the year's end spread over its last days instead of piling on the last.
     */
    static String withinYear(String candidate, String base, String random, String endSql) {
        return "(CASE WHEN " + candidate + " <= " + endSql + " THEN " + candidate + " ELSE " + base + " + floor("
                + random + " * (" + endSql + " - " + base + " + 1))::int END)";
    }

    private static String literal(String value) {
        if (value == null) {
            return "NULL";
        }
        if (!value.matches("[A-Z0-9_]+")) {
            throw new IllegalArgumentException("not a code: " + value);
        }
        return "'" + value + "'";
    }

    private static Map<String, Double> weights(Object... pairs) {
        Map<String, Double> weights = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            weights.put((String) pairs[i], ((Number) pairs[i + 1]).doubleValue());
        }
        return weights;
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    /** meeting-service's catalogue codes (its application.yml), the service types recommendations are made for. */
    static List<String> serviceTypes(Path repositoryRoot) throws IOException {
        Pattern entry = Pattern.compile("^\\s+-\\s+([A-Z0-9_]{1,60})=.*$");
        List<String> codes = new ArrayList<>();
        boolean inCatalogue = false;
        for (String line : Files.readAllLines(repositoryRoot.resolve("meeting-service/src/main/resources/application.yml"))) {
            if (line.startsWith("dsr.meeting.recommendations.catalogue:")) {
                inCatalogue = true;
                continue;
            }
            if (inCatalogue) {
                Matcher matcher = entry.matcher(line);
                if (matcher.matches()) {
                    codes.add(matcher.group(1));
                } else if (!line.isBlank()) {
                    break;
                }
            }
        }
        if (codes.isEmpty()) {
            throw new IllegalStateException("No service types found in meeting-service's application.yml");
        }
        return codes;
    }

    /** What was written and how long it took. */
    record Seeded(Plan plan, YearMonth firstMonth, YearMonth lastMonth, long factsInStore, long peopleInStore,
                  double insertSeconds, double analyseSeconds) {

        Map<String, Object> asJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("months", firstMonth + " to " + lastMonth);
            json.put("people", plan.people());
            json.put("facts", plan.facts());
            json.put("factsInStoreAfterwards", factsInStore);
            json.put("peopleInStoreAfterwards", peopleInStore);
            json.put("insertSeconds", Latencies.round(insertSeconds));
            json.put("analyseSeconds", Latencies.round(analyseSeconds));
            Map<String, Object> mix = new LinkedHashMap<>();
            mix.put("referralsReceived", plan.people());
            mix.put("accepted", plan.accepted());
            mix.put("declined", plan.declined());
            mix.put("withdrawn", plan.withdrawn());
            mix.put("firstContacts", plan.firstContacts());
            mix.put("leftRegister", plan.leftRegister());
            mix.put("obligationsDue", plan.obligations());
            mix.put("obligationsCompleted", plan.completions());
            mix.put("recommendationsMade", plan.recommendations());
            mix.put("recommendationsMetOrUnmet", plan.recommendationOutcomes());
            mix.put("updatesRatingsConsentAdmissionsDischargesKeyworker", plan.singles());
            json.put("mix", mix);
            return json;
        }
    }

    /**
     * Writes the history of {@code plan} for the 12 months from {@code firstMonth}, in one transaction, then
     * ANALYZEs the two tables (as autovacuum would soon after).
     */
    static Seeded seed(Connection connection, Plan plan, YearMonth firstMonth, int months, List<String> serviceTypes)
            throws SQLException {
        YearMonth lastMonth = firstMonth.plusMonths(months - 1L);
        long started = System.nanoTime();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        double insert;
        double analyse;
        long facts;
        long people;
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements(plan, firstMonth, lastMonth, serviceTypes)) {
                statement.execute(sql);
            }
            insert = (System.nanoTime() - started) / 1e9;
            // In the same transaction (ANALYZE counts the transaction's own new rows): the month-end sweep, which
            // runs every few minutes, sees the whole history with its statistics or nothing of it.
            long analysing = System.nanoTime();
            statement.execute("ANALYZE reporting_person");
            statement.execute("ANALYZE reporting_fact");
            analyse = (System.nanoTime() - analysing) / 1e9;
            facts = count(connection, "reporting_fact");
            people = count(connection, "reporting_person");
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        return new Seeded(plan, firstMonth, lastMonth, facts, people, insert, analyse);
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT count(*) FROM " + table)) {
            result.next();
            return result.getLong(1);
        }
    }

    /** The statements, in order (one transaction). Dates and codes are literals made here, never outside input. */
    static List<String> statements(Plan plan, YearMonth firstMonth, YearMonth lastMonth, List<String> serviceTypes) {
        LocalDate start = firstMonth.atDay(1);
        LocalDate end = lastMonth.atEndOfMonth();
        String startSql = "DATE '" + start + "'";
        String endSql = "DATE '" + end + "'";
        String lastMonthSql = "DATE '" + lastMonth.atDay(1) + "'";
        long days = end.toEpochDay() - start.toEpochDay() + 1;
        List<String> children = Stream.of(AgeBand.AGE_0_TO_9, AgeBand.AGE_10_TO_13, AgeBand.AGE_14_TO_17)
                .map(band -> "'" + band.name() + "'").toList();

        String locality = pick("r1", weights(LOCALITIES.get(0), 45, LOCALITIES.get(1), 30, LOCALITIES.get(2), 20,
                LOCALITIES.get(3), 3, null, 2));
        String ageBand = pick("r2", weights(AgeBand.AGE_0_TO_9.name(), 10, AgeBand.AGE_10_TO_13.name(), 12,
                AgeBand.AGE_14_TO_17.name(), 18, AgeBand.AGE_18_TO_24.name(), 22, AgeBand.AGE_25_TO_34.name(), 17,
                AgeBand.AGE_35_TO_49.name(), 12, AgeBand.AGE_50_TO_64.name(), 7, AgeBand.AGE_65_AND_OVER.name(), 2));
        String diagnosis = pick("r3", weights(Diagnosis.LEARNING_DISABILITY.name(), 30, Diagnosis.AUTISM.name(), 35,
                Diagnosis.LEARNING_DISABILITY_AND_AUTISM.name(), 20, Diagnosis.ASSESSMENT_PATHWAY.name(), 10, null, 5));
        String ethnic = pick("r4", weights("A", 72, "B", 2, "C", 3, "D", 1, "E", 1, "F", 1, "G", 1, "H", 2, "J", 1,
                "K", 1, "L", 1, "M", 1, "N", 1, "P", 0.5, "R", 0.5, "S", 1, "Z", 2, "NOT_KNOWN", 4, null, 4));
        String route = pick("r5", weights(ReferralRoute.PROFESSIONAL.name(), 70, ReferralRoute.SELF_OR_FAMILY.name(), 20,
                ReferralRoute.AGENCY_SYSTEM.name(), 10));
        String rating = pick("r2", weights(RagRating.RED.name(), 12, RagRating.AMBER.name(), 38, RagRating.GREEN.name(), 40,
                RagRating.BLUE.name(), 10));
        String consent = pick("r2", weights("ACTIVE", 70, "OVERDUE", 15, "LAPSED", 8, "WITHDRAWN", 7));
        String keyworker = pickEvenly("r2", names(KeyworkerSuggestionReason.values()));
        Map<String, Double> kinds = new LinkedHashMap<>();
        for (ObligationKind kind : ObligationKind.values()) {
            kinds.put(kind.name(), kind == ObligationKind.KEYWORKER_REFERRAL ? 0.5 : 1.0);
        }
        String obligationKind = pick("r3", kinds);
        String outcome = pick("r4", weights(ObligationOutcome.DONE.name(), 90, ObligationOutcome.NOT_NEEDED.name(), 10));
        Map<String, Double> services = new LinkedHashMap<>();
        for (int i = 0; i < serviceTypes.size(); i++) {
            services.put(serviceTypes.get(i), 1.0 / (1 + 0.15 * i)); // the first catalogue entries are asked for most
        }
        String serviceType = pick("r3", services);
        String unmetReason = pickEvenly("r4", names(UnmetReason.values()));
        // bench_life's own draws: r3 places a leaving, r4 a decision's reason, r5 a leaving's reason.
        String declineReason = pickEvenly("r4", names(DeclineReason.values()));
        String withdrawalReason = pickEvenly("r4", names(WithdrawalReason.values()));
        String removalReason = pickEvenly("r5", names(RemovalReason.values()));
        String arrived = "(date_trunc('month', occurred_on) + CASE WHEN late < " + LATE_SHARE + " AND occurred_on < "
                + lastMonthSql + " THEN interval '1 month' ELSE interval '0 days' END)::date";
        // Random draws are made in an inner SELECT fenced with OFFSET 0, so each is drawn once per row however
        // often the outer expressions use it.
        String randoms = "random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5";

        List<String> sql = new ArrayList<>();
        sql.add("SET LOCAL work_mem = '1GB'");
        sql.add("SELECT setseed(0.14)");
        sql.add("CREATE TEMP TABLE bench_person ON COMMIT DROP AS"
                + " SELECT i, sha256(convert_to('benchmark-person:' || i, 'UTF8')) AS pseudonym,"
                + " sha256(convert_to('benchmark-referral:' || i, 'UTF8')) AS referral_key, locality, age_band,"
                + " CASE WHEN age_band IN (" + String.join(", ", children) + ") THEN 'CHILD' ELSE 'ADULT' END AS life_stage,"
                + " diagnosis, ethnic_category, referral_route, received_on"
                + " FROM (SELECT i, " + locality + " AS locality, " + ageBand + " AS age_band, " + diagnosis
                + " AS diagnosis, " + ethnic + " AS ethnic_category, " + route + " AS referral_route,"
                + " CASE WHEN r6 < " + FIRST_MONTH_SHARE + " THEN " + startSql + " + floor(r7 * 28)::int"
                + " ELSE " + startSql + " + floor(r7 * " + days + ")::int END AS received_on"
                + " FROM (SELECT i, " + randoms + ", random() AS r6, random() AS r7"
                + " FROM generate_series(1, " + plan.people() + ") AS i OFFSET 0) AS draws) AS people");
        sql.add("INSERT INTO reporting_person (pseudonym, age_band, life_stage, locality, diagnosis, ethnic_category,"
                + " referral_route) SELECT pseudonym, age_band, life_stage, locality, diagnosis, ethnic_category,"
                + " referral_route FROM bench_person ON CONFLICT (pseudonym) DO NOTHING");
        sql.add("CREATE TEMP TABLE bench_life ON COMMIT DROP AS"
                + " SELECT timeline.*, CASE WHEN i % 100 < " + LEFT_BELOW + " THEN LEAST(" + endSql
                + ", decided_on + 1 + floor(r3 * (" + endSql + " - decided_on))::int) END AS left_on"
                + " FROM (SELECT p.*, " + withinYear("received_on + 1 + floor(r1 * 40)::int", "received_on", "r1", endSql)
                + " AS decided_on, " + withinYear("received_on + 1 + floor(r2 * 9)::int", "received_on", "r2", endSql)
                + " AS contacted_on"
                + " FROM (SELECT bench_person.*, " + randoms + " FROM bench_person OFFSET 0) AS p) AS timeline");
        // Each person's days on the register laid end to end (first_slot: where theirs start; slots: all of them). A
        // kind's n facts are shared out in proportion to days (person p gets facts first_slot*n/slots + 1 to
        // (first_slot+days)*n/slots), so everyone on the register has facts at the same rate per day, whenever they
        // joined, and the kind has exactly n.
        sql.add("CREATE TEMP TABLE bench_register ON COMMIT DROP AS"
                + " SELECT sum(days) OVER (ORDER BY i) - days AS first_slot, days, sum(days) OVER () AS slots, pseudonym,"
                + " locality, age_band, life_stage, decided_on FROM (SELECT i, pseudonym, locality, age_band, life_stage,"
                + " decided_on, COALESCE(left_on, " + endSql + ") - decided_on + 1 AS days FROM bench_life"
                + " WHERE i % 100 < " + ACCEPTED_BELOW + ") AS register");
        sql.add("ANALYZE bench_life");
        sql.add("ANALYZE bench_register");

        String columns = "pseudonym, kind, occurred_on, code, detail, due_on, on_time, record_key, locality, age_band,"
                + " life_stage, late";
        String nulls = "NULL::text AS detail, NULL::date AS due_on, NULL::boolean AS on_time";
        List<String> parts = new ArrayList<>();
        parts.add("SELECT pseudonym, 'REFERRAL_RECEIVED', received_on, referral_route, " + nulls
                + ", referral_key, NULL, NULL, NULL, random() FROM bench_life");
        parts.add("SELECT pseudonym, 'REFERRAL_ACCEPTED', decided_on, NULL, " + nulls
                + ", referral_key, NULL, NULL, NULL, random() FROM bench_life WHERE i % 100 < " + ACCEPTED_BELOW);
        parts.add("SELECT pseudonym, 'REFERRAL_DECLINED', decided_on, " + declineReason + ", " + nulls
                + ", referral_key, NULL, NULL, NULL, random() FROM bench_life WHERE i % 100 >= " + ACCEPTED_BELOW
                + " AND i % 100 < " + DECLINED_BELOW);
        parts.add("SELECT pseudonym, 'REFERRAL_WITHDRAWN', decided_on, " + withdrawalReason + ", " + nulls
                + ", referral_key, NULL, NULL, NULL, random() FROM bench_life WHERE i % 100 >= " + DECLINED_BELOW);
        parts.add("SELECT pseudonym, 'FIRST_CONTACT', contacted_on, NULL, NULL, received_on + 7,"
                + " contacted_on <= received_on + 7, referral_key, NULL, NULL, NULL, random() FROM bench_life"
                + " WHERE i % 100 < " + DECLINED_BELOW);
        parts.add("SELECT pseudonym, 'LEFT_REGISTER', left_on, " + removalReason + ", " + nulls
                + ", NULL, NULL, NULL, NULL, random() FROM bench_life WHERE left_on IS NOT NULL");

        String onRegister = "(SELECT bench_register.*, g, " + randoms + " FROM bench_register CROSS JOIN LATERAL"
                + " generate_series(first_slot * %1$d / slots + 1, (first_slot + days) * %1$d / slots) AS g OFFSET 0)"
                + " AS draws";
        String day = "(decided_on + floor(r1 * days)::int)";
        // Singles: the kind by the fact's number mod 1000.
        String k = "(g * " + KIND_MULTIPLIER + ") % 1000";
        String singleKind = "CASE WHEN " + k + " < 520 THEN 'UPDATE_POSTED' WHEN " + k + " < 720 THEN 'RATING'"
                + " WHEN " + k + " < 880 THEN 'CONSENT' WHEN " + k + " < 915 THEN 'ADMISSION'"
                + " WHEN " + k + " < 950 THEN 'DISCHARGE' WHEN " + k + " < 965 THEN 'ADMISSION_NOT_ON_REGISTER'"
                + " ELSE 'KEYWORKER_SUGGESTED' END";
        String outcomeOf = "((%s.g * " + OUTCOME_MULTIPLIER + ") %% 100)";
        String obligationOutcome = String.format(outcomeOf, "o");
        String recommendationOutcome = String.format(outcomeOf, "rec");
        parts.add("SELECT CASE WHEN kind = 'ADMISSION_NOT_ON_REGISTER' THEN NULL ELSE pseudonym END, kind, d,"
                + " CASE kind WHEN 'RATING' THEN " + rating + " WHEN 'CONSENT' THEN " + consent
                + " WHEN 'KEYWORKER_SUGGESTED' THEN " + keyworker + " END, NULL,"
                + " CASE WHEN kind = 'UPDATE_POSTED' THEN d + 7 + floor(r3 * 22)::int END, NULL, NULL,"
                + " CASE WHEN kind = 'ADMISSION_NOT_ON_REGISTER' THEN COALESCE(locality, 'OUT_OF_AREA') END,"
                + " CASE WHEN kind = 'ADMISSION_NOT_ON_REGISTER' THEN age_band END,"
                + " CASE WHEN kind = 'ADMISSION_NOT_ON_REGISTER' THEN life_stage END, random()"
                + " FROM (SELECT *, " + singleKind + " AS kind, " + day + " AS d FROM "
                + String.format(onRegister, plan.singles()) + ") AS singles");
        parts.add("SELECT pseudonym, v.kind, v.occurred_on, obligation_kind, v.detail, v.due_on, NULL, record_key,"
                + " NULL, NULL, NULL, random()"
                + " FROM (SELECT g, pseudonym, sha256(convert_to('benchmark-obligation:' || g, 'UTF8')) AS record_key,"
                + " " + day + " AS d, " + obligationKind + " AS obligation_kind, " + outcome + " AS outcome, r2, r5"
                + " FROM " + String.format(onRegister, plan.obligations()) + ") AS o"
                + " CROSS JOIN LATERAL (SELECT o.d + 14 + floor(o.r2 * 42)::int AS due) AS due"
                + " CROSS JOIN LATERAL (VALUES ('OBLIGATION_DUE', o.d, due.due, NULL::text),"
                + " ('OBLIGATION_COMPLETED', " + withinYear("due.due - 10 + floor(o.r5 * 20)::int", "o.d", "o.r5", endSql)
                + ", NULL::date,"
                + " o.outcome)) AS v(kind, occurred_on, due_on, detail)"
                + " WHERE v.kind = 'OBLIGATION_DUE' OR " + obligationOutcome + " < " + COMPLETED_BELOW);
        parts.add("SELECT pseudonym, v.kind, v.occurred_on, service_type, v.detail, NULL::date, NULL, record_key,"
                + " area, NULL, NULL, random()"
                + " FROM (SELECT g, pseudonym, sha256(convert_to('benchmark-recommendation:' || g, 'UTF8')) AS record_key,"
                + " " + day + " AS d, " + serviceType + " AS service_type, " + unmetReason + " AS reason,"
                + " COALESCE(locality, 'OUT_OF_AREA') AS area, r5"
                + " FROM " + String.format(onRegister, plan.recommendations()) + ") AS rec"
                + " CROSS JOIN LATERAL (VALUES ('RECOMMENDATION_MADE', rec.d, NULL::text),"
                + " (CASE WHEN " + recommendationOutcome + " < " + MET_BELOW + " THEN 'RECOMMENDATION_MET'"
                + " ELSE 'RECOMMENDATION_UNMET' END,"
                + " " + withinYear("rec.d + 7 + floor(rec.r5 * 60)::int", "rec.d", "rec.r5", endSql) + ","
                + " CASE WHEN " + recommendationOutcome + " >= " + MET_BELOW + " THEN rec.reason END))"
                + " AS v(kind, occurred_on, detail)"
                + " WHERE v.kind = 'RECOMMENDATION_MADE' OR " + recommendationOutcome + " < " + UNMET_BELOW);

        sql.add("INSERT INTO reporting_fact (pseudonym, kind, occurred_on, arrived_month, code, detail, due_on, on_time,"
                + " record_key, locality, age_band, life_stage)"
                + " SELECT pseudonym, kind, occurred_on, " + arrived + ", code, detail, due_on, on_time, record_key,"
                + " locality, age_band, life_stage FROM ("
                + parts.stream().map(part -> "(" + part + ")").collect(Collectors.joining(" UNION ALL "))
                + ") AS facts(" + columns + ") ORDER BY 4, 3");
        return sql;
    }
}
