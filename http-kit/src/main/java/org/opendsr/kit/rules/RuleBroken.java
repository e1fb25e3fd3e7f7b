package org.opendsr.kit.rules;

import java.util.Objects;

/**
 * A DSR rule refuses what was asked, e.g. accepting a referral before first contact, or a date of birth in the
 * future. Thrown by domain and application code, which know nothing of HTTP; the web edge maps it to a problem+json
 * response of type {@code urn:dsr:problem:<problem>} in one place ({@code org.opendsr.kit.web.RuleBrokenHandler}),
 * and a listener can dead-letter it. Plain Java on purpose, so the domain may throw it.
 *
 * <p>The detail is shown to the caller and may be logged: it names the field and the rule and never quotes
 * personal data or free text.
 */
public class RuleBroken extends RuntimeException {

    /** One title for every invalid-request problem, whichever layer found the bad field. */
    public static final String INVALID_REQUEST_TITLE = "The request is not valid";

    /** What kind of refusal this is; the web edge turns it into a status (400, 404, 409, 403). */
    public enum Kind {
        /** The request is wrong in itself, naming the field. */
        INVALID_REQUEST,
        /** What the request is about does not exist (or the caller may not know it exists). */
        NOT_FOUND,
        /** Well formed, but conflicts with what the DSR knows. */
        CONFLICT,
        /** The caller may not do this. */
        FORBIDDEN
    }

    private final Kind kind;
    private final String problem;
    private final String title;
    private final String field;

    /**
     * @param problem a short kebab-case name of the rule, e.g. {@code consent-not-active}
     * @param field   the field the refusal is about, or null
     */
    public RuleBroken(Kind kind, String problem, String title, String field, String detail) {
        super(detail);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.problem = Objects.requireNonNull(problem, "problem");
        this.title = Objects.requireNonNull(title, "title");
        this.field = field;
    }

    public static RuleBroken invalid(String field, String detail) {
        return new RuleBroken(Kind.INVALID_REQUEST, "invalid-request", INVALID_REQUEST_TITLE, field, detail);
    }

    /** @param what what was looked for, e.g. "Referral": the detail reads "Referral was not found". */
    public static RuleBroken notFound(String what) {
        return new RuleBroken(Kind.NOT_FOUND, "not-found", "Not found", null, what + " was not found");
    }

    public static RuleBroken conflict(String problem, String title, String detail) {
        return new RuleBroken(Kind.CONFLICT, problem, title, null, detail);
    }

    public static RuleBroken conflict(String problem, String title, String field, String detail) {
        return new RuleBroken(Kind.CONFLICT, problem, title, field, detail);
    }

    public static RuleBroken forbidden(String detail) {
        return new RuleBroken(Kind.FORBIDDEN, "forbidden", "Not allowed", null, detail);
    }

    /** An event or request about a personId the service has never been told of. */
    public static RuleBroken unknownPerson() {
        return conflict("unknown-person", "No such person", "no person with this personId");
    }

    public Kind kind() {
        return kind;
    }

    /** The kebab-case rule name, e.g. {@code consent-not-active}. */
    public String problem() {
        return problem;
    }

    public String title() {
        return title;
    }

    /** The field the refusal names, or null. */
    public String field() {
        return field;
    }
}
