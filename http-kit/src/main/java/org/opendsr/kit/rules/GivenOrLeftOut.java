package org.opendsr.kit.rules;

import java.util.Optional;

/**
 * The rule for an optional identifier or code (an NHS number, a postcode, a phone number or e-mail, a DSR user id, a
 * locality, a Data Dictionary code): it is either given or left out, and a blank text is neither. Read as "not
 * known", a blank would write a record without the value while the sender believes they sent one (issue 15:
 * {@code "nhsNumber": ""} made a person with no NHS number), so it is refused naming the field, like any other bad
 * value, on every route (request bodies through {@code org.opendsr.kit.web.NotBlankWhenGiven}, agency events and use
 * cases through {@link #value}). Optional free text (notes) is not an identifier and keeps its own rules.
 */
public final class GivenOrLeftOut {

    /** What the caller reads against the field; never quotes what was sent. */
    public static final String REFUSAL = "must not be blank: leave the field out when there is no value";

    private GivenOrLeftOut() {
    }

    /** True for a value that was given but is empty or only white space; a value left out (null) is not blank. */
    public static boolean isBlank(CharSequence value) {
        return value != null && value.toString().isBlank();
    }

    /**
     * The value if one was given, empty if it was left out.
     *
     * @throws RuleBroken naming {@code field} if the value was given blank
     */
    public static Optional<String> value(String field, String value) {
        if (isBlank(value)) {
            throw RuleBroken.invalid(field, REFUSAL);
        }
        return Optional.ofNullable(value);
    }

    /** Refuses a blank value, naming {@code field}; a value left out passes. */
    public static void check(String field, String value) {
        value(field, value);
    }
}
