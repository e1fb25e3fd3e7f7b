package org.opendsr.referral.shared.domain;

/**
 * A DSR rule refuses what was asked, e.g. accepting a referral before first contact. The message says why in
 * words the caller can act on and never quotes personal data.
 *
 * @see #problem() a short kebab-case name of the rule, e.g. {@code consent-not-active}
 */
public class RuleBroken extends RuntimeException {

    private final String problem;
    private final String title;

    public RuleBroken(String problem, String title, String detail) {
        super(detail);
        this.problem = problem;
        this.title = title;
    }

    /** An event or request about a personId referral-service has never been told of. */
    public static RuleBroken unknownPerson() {
        return new RuleBroken("unknown-person", "No such person", "no person with this personId");
    }

    public String problem() {
        return problem;
    }

    public String title() {
        return title;
    }
}
