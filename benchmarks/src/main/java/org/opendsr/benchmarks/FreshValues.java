package org.opendsr.benchmarks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes a captured referral's parameter values into another referral's, so that replaying the same statements many
 * times neither collides on a unique constraint nor piles every transaction onto the same rows and locks:
 * <ul>
 *   <li>every UUID (ids, event ids, also inside JSON payloads) becomes a fresh one, the same fresh one wherever
 *       the same UUID appeared in the transaction, so the rows still refer to each other;</li>
 *   <li>a value that is a whole 10-digit number (an NHS number) becomes a fresh 10-digit number;</li>
 *   <li>values equal to the captured referral's names, and values containing its date of birth, become those of
 *       referral {@code index} of {@link ReferralSample}, as the journey's referrals vary them, so the duplicate
 *       search and the date-of-birth lock see as many different people as in the journey.</li>
 * </ul>
 */
final class FreshValues {

    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern TEN_DIGITS = Pattern.compile("\\d{10}");
    private static final AtomicLong NEXT_NUMBER = new AtomicLong(9_000_000_000L);

    private final int capturedIndex;

    /** @param capturedIndex the {@link ReferralSample} index of the referral whose statements were captured */
    FreshValues(int capturedIndex) {
        this.capturedIndex = capturedIndex;
    }

    /** The values of one transaction, as referral {@code index} would have them. */
    List<List<String>> forReferral(List<List<String>> capturedValues, int index) {
        Map<String, String> freshUuids = new HashMap<>();
        Map<String, String> personal = Map.of(
                ReferralSample.givenName(capturedIndex), ReferralSample.givenName(index),
                ReferralSample.familyName(capturedIndex), ReferralSample.familyName(index));
        // The date of birth also inside a value: the duplicate search's advisory lock key is "date-of-birth:<date>".
        String[] dateOfBirth = {ReferralSample.dateOfBirth(capturedIndex), ReferralSample.dateOfBirth(index)};
        List<List<String>> result = new ArrayList<>();
        for (List<String> statement : capturedValues) {
            List<String> values = new ArrayList<>(statement.size());
            for (String value : statement) {
                values.add(fresh(value, freshUuids, personal, dateOfBirth));
            }
            result.add(values);
        }
        return result;
    }

    private static String fresh(String value, Map<String, String> freshUuids, Map<String, String> personal,
                                String[] dateOfBirth) {
        if (value == null) {
            return null;
        }
        if (personal.containsKey(value)) {
            return personal.get(value);
        }
        if (value.contains(dateOfBirth[0])) {
            return value.replace(dateOfBirth[0], dateOfBirth[1]);
        }
        if (TEN_DIGITS.matcher(value).matches()) {
            return Long.toString(NEXT_NUMBER.getAndIncrement());
        }
        Matcher uuid = UUID_TEXT.matcher(value);
        StringBuilder out = new StringBuilder();
        while (uuid.find()) {
            String replacement = freshUuids.computeIfAbsent(uuid.group().toLowerCase(java.util.Locale.ROOT),
                    any -> UUID.randomUUID().toString());
            uuid.appendReplacement(out, replacement);
        }
        uuid.appendTail(out);
        return out.toString();
    }
}
