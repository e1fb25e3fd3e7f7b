package org.opendsr.benchmarks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The referral every measurement writes: the README's professional referral, with locality and rating varied so
 * that the report's cells fill as they would in use. The PostgreSQL baseline writes rows of these same values, so
 * the baseline and the journey move the same bytes.
 *
 * <p>No NHS number: one NHS number is one person, and each referral here is about a new person (the common case,
 * and the one that needs no identity lock).
 */
final class ReferralSample {

    static final String GIVEN_NAME = "Jamie";
    static final String FAMILY_NAME = "Example";
    static final String DATE_OF_BIRTH = "2011-06-15";
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

    static String locality(int index) {
        return LOCALITIES.get(index % LOCALITIES.size());
    }

    static String rating(int index) {
        return RATINGS.get(index % RATINGS.size());
    }

    /** The body of POST /api/referrals. */
    static Map<String, Object> requestBody(int index) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("givenName", GIVEN_NAME);
        body.put("familyName", FAMILY_NAME);
        body.put("dateOfBirth", DATE_OF_BIRTH);
        body.put("postcode", POSTCODE);
        body.put("locality", locality(index));
        body.put("reasonForReferral", REASON);
        body.put("currentIssues", CURRENT_ISSUES);
        body.put("indicativeRag", rating(index));
        return body;
    }
}
