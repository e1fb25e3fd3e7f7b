package org.opendsr.referral;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Professional referrals as a referrer's system sends them (JSON bodies), valid unless a test changes a field.
 * The person is made up: a 999 NHS number and names no one has.
 */
public final class ReferralRequests {

    private final Map<String, Object> body = new LinkedHashMap<>();

    private ReferralRequests() {
    }

    /** A complete, valid referral of a 15-year-old autistic person in Swindon, with an indicative AMBER rating. */
    public static ReferralRequests aReferral() {
        ReferralRequests referral = new ReferralRequests();
        referral.body.put("givenName", "Ottoline");
        referral.body.put("familyName", "Brackenbury-Quince");
        referral.body.put("dateOfBirth", LocalDate.now().minusYears(15).minusDays(40).toString());
        referral.body.put("nhsNumber", TestNhsNumbers.formatted(TestNhsNumbers.next()));
        referral.body.put("postcode", "SN1 2JH");
        referral.body.put("locality", "SWINDON");
        referral.body.put("reasonForReferral", "Placement at risk of breaking down; family asking for help");
        referral.body.put("currentIssues", "Escalating distress at home; two A&E attendances this month");
        referral.body.put("whatHasBeenTried", "Positive behaviour support plan; respite twice a week");
        referral.body.put("whatCouldReduceRisk", "Intensive support team input; a keyworker");
        referral.body.put("indicativeRag", "AMBER");
        referral.body.put("diagnosis", "AUTISM");
        return referral;
    }

    /**
     * The same referral of someone no other test refers: a name of their own, so the DSR does not flag them as a
     * possible duplicate of everyone else born the same day.
     */
    public static ReferralRequests aReferralOfSomeoneNew() {
        return aReferral().with("givenName", "Ottoline" + TestNames.suffix());
    }

    /** The same referral with one field set to a value (as JSON would carry it). */
    public ReferralRequests with(String field, Object value) {
        body.put(field, value);
        return this;
    }

    /** The same referral with a field left out altogether. */
    public ReferralRequests without(String field) {
        body.remove(field);
        return this;
    }

    public Object get(String field) {
        return body.get(field);
    }

    public Map<String, Object> body() {
        return new LinkedHashMap<>(body);
    }
}
