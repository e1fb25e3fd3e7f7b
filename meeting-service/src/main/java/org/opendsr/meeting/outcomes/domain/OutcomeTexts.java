package org.opendsr.meeting.outcomes.domain;

import java.util.regex.Pattern;

import org.opendsr.kit.rules.OneLineText;
import org.opendsr.kit.rules.RuleBroken;

/**
 * The lengths and shapes of what an outcome says. The discussion summary, decisions, rationale and action descriptions
 * are the meeting's own words: kept here for the people who may read the outcome, never put on a topic or in a log.
 * An action's owner agency is one line that names an agency, never a person.
 */
final class OutcomeTexts {

    static final int SUMMARY_MAX = 4000;
    static final int DECISION_MAX = 500;
    static final int RATIONALE_MAX = 2000;
    static final int ACTION_MAX = 500;
    /** An agency's id as every DSR topic carries it (the contracts' agency id: lower case, digits, hyphens). */
    static final Pattern AGENCY_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    static final int SUBJECT_MAX = 200;
    static final int NOTE_MAX = 500;

    private OutcomeTexts() {
    }

    /** Required free text of at most {@code max} characters (several lines allowed), stripped. */
    static String required(String field, String text, int max) {
        if (text == null || text.isBlank()) {
            throw RuleBroken.invalid(field, "is required");
        }
        String value = text.strip();
        if (value.length() > max) {
            throw RuleBroken.invalid(field, "must be at most " + max + " characters");
        }
        return value;
    }

    /** Optional free text: null when absent or blank. */
    static String optional(String field, String text, int max) {
        return text == null || text.isBlank() ? null : required(field, text, max);
    }

    /** A required agency id, e.g. {@code swindon-borough-council}. */
    static String agencyId(String field, String text) {
        if (text == null || text.isBlank()) {
            throw RuleBroken.invalid(field, "is required: the owning agency's id, e.g. swindon-borough-council");
        }
        String value = text.strip();
        if (!AGENCY_ID.matcher(value).matches()) {
            throw RuleBroken.invalid(field, "must be an agency id: lower-case letters, digits and hyphens, at most 63 "
                    + "characters, e.g. swindon-borough-council");
        }
        return value;
    }

    /** A required one-line text naming {@code whatToName}, never a person. */
    static String oneLine(String field, String text, int max, String whatToName) {
        OneLineText.problemWith(text, max, whatToName).ifPresent(problem -> {
            throw RuleBroken.invalid(field, problem);
        });
        return text.strip();
    }
}
