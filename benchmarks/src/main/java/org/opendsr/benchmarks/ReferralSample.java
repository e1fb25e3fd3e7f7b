package org.opendsr.benchmarks;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The referral every measurement writes: the README's professional referral, with locality and rating varied so
 * that the report's cells fill as they would in use, and each referral about a different person (name and date of
 * birth vary; identical people would all be flagged as possible duplicates of each other, which no real register
 * looks like). The PostgreSQL baseline writes rows of these same values, so the baseline and the journey move the
 * same bytes.
 *
 * <p>No NHS number: one NHS number is one person, and each referral here is about a new person (the common case,
 * and the one that needs no identity lock).
 */
final class ReferralSample {

    private static final List<String> GIVEN_NAMES = List.of("Jamie", "Alex", "Sam", "Charlie", "Robin", "Morgan",
            "Jordan", "Casey", "Riley", "Quinn", "Avery", "Rowan", "Sasha", "Toby", "Ellis", "Frankie", "Harper",
            "Kai", "Remy", "Sky");
    private static final List<String> FAMILY_NAMES = List.of("Example", "Sample", "Tester", "Placeholder", "Demo",
            "Mockett", "Trialson", "Fictive", "Invent", "Madeup", "Notreal", "Standin", "Dummy", "Specimen", "Pilot",
            "Prototype", "Rehearsal", "Drill", "Practice", "Exercise");
    /** The youngest date of birth; the others are up to a year earlier, so everyone stays in the 14-17 age band. */
    private static final LocalDate LATEST_DATE_OF_BIRTH = LocalDate.of(2011, 6, 15);
    static final String POSTCODE = "SN1 2JH";
    static final String REASON = "Increasing distress at home and school; family report the placement is close to "
            + "breaking down and the crisis team has been called twice this month.";
    static final String CURRENT_ISSUES = "Self-injury when routines change, not sleeping, refusing to attend school. "
            + "Waiting for an autism-informed community support package.";
    static final String ROUTE = "PROFESSIONAL";
    static final String AGE_BAND = "AGE_14_TO_17";
    static final String LIFE_STAGE = "CHILD";

    /** The localities the referral service accepts in a local run (its default configuration). */
    private static final List<String> LOCALITIES = List.of("SWINDON", "WILTSHIRE", "BATH_AND_NORTH_EAST_SOMERSET");
    private static final List<String> RATINGS = List.of("AMBER", "RED", "GREEN");

    private ReferralSample() {
    }

    static String givenName(int index) {
        return GIVEN_NAMES.get(index % GIVEN_NAMES.size());
    }

    static String familyName(int index) {
        return FAMILY_NAMES.get((index / GIVEN_NAMES.size()) % FAMILY_NAMES.size());
    }

    static String dateOfBirth(int index) {
        return LATEST_DATE_OF_BIRTH.minusDays(index % 365).toString();
    }

    static String locality(int index) {
        return LOCALITIES.get(index % LOCALITIES.size());
    }

    static String rating(int index) {
        return RATINGS.get(index % RATINGS.size());
    }

    /** The body of POST /api/referrals. */
    static Map<String, Object> requestBody(int index) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("givenName", givenName(index));
        body.put("familyName", familyName(index));
        body.put("dateOfBirth", dateOfBirth(index));
        body.put("postcode", POSTCODE);
        body.put("locality", locality(index));
        body.put("reasonForReferral", REASON);
        body.put("currentIssues", CURRENT_ISSUES);
        body.put("indicativeRag", rating(index));
        return body;
    }
}
