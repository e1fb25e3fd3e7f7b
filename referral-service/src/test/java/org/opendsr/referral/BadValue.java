package org.opendsr.referral;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One bad value in one field of an otherwise valid request, and the field the refusal must name (a value inside a
 * part, e.g. {@code madeBy.name}, is named by its path). A value {@link #missing} leaves the field out.
 */
record BadValue(String what, String field, Object value, boolean leftOut, String named) {

    static BadValue of(String what, String field, Object value) {
        return new BadValue(what, field, value, false, field);
    }

    static BadValue of(String what, String field, Object value, String named) {
        return new BadValue(what, field, value, false, named);
    }

    static BadValue missing(String field) {
        return new BadValue("no " + field, field, null, true, field);
    }

    ReferralRequests applyTo(ReferralRequests referral) {
        return leftOut ? referral.without(field) : referral.with(field, value);
    }

    Map<String, Object> applyTo(Map<String, Object> body) {
        Map<String, Object> changed = new LinkedHashMap<>(body);
        if (leftOut) {
            changed.remove(field);
        } else {
            changed.put(field, value);
        }
        return changed;
    }

    @Override
    public String toString() {
        return what;
    }
}
