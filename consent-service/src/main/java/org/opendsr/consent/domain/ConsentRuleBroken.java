package org.opendsr.consent.domain;

/**
 * A consent rule a request breaks. The message is shown to the caller and may be logged, so it never quotes
 * free text: it names the field and the rule.
 */
public final class ConsentRuleBroken extends RuntimeException {

    /** Whether the request is wrong in itself, or conflicts with what the DSR knows about the person or consent. */
    public enum Kind {
        /** The request contradicts itself or the policy: refused naming the field. */
        INVALID_REQUEST,
        /** The request is well formed but conflicts with the person's or the consent's current state. */
        CONFLICT
    }

    private final Kind kind;
    private final String problem;
    private final String field;

    private ConsentRuleBroken(Kind kind, String problem, String field, String detail) {
        super(detail);
        this.kind = kind;
        this.problem = problem;
        this.field = field;
    }

    public static ConsentRuleBroken invalid(String field, String detail) {
        return new ConsentRuleBroken(Kind.INVALID_REQUEST, "invalid-request", field, detail);
    }

    /**
     * @param problem a short name for the rule, e.g. {@code parental-responsibility-for-an-adult}
     * @param field   the field the conflict is about, or null
     */
    public static ConsentRuleBroken conflict(String problem, String field, String detail) {
        return new ConsentRuleBroken(Kind.CONFLICT, problem, field, detail);
    }

    public Kind kind() {
        return kind;
    }

    public String problem() {
        return problem;
    }

    public String field() {
        return field;
    }
}
