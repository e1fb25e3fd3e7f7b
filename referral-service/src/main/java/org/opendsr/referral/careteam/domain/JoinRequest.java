package org.opendsr.referral.careteam.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.opendsr.contracts.access.CareTeamRole;
import org.opendsr.kit.rules.RuleBroken;

/**
 * A request for a professional (a token subject) to join a person's care team as a key professional: made whenever
 * a referral or the record's key-professional list names a user id. It is an item on the DSR team's worklist, never
 * access: only the DSR team of the person's area (or a lead) confirms it, and nobody confirms a request naming
 * themselves or made by themselves (finding 1: access is never self-granted).
 */
public record JoinRequest(UUID id, UUID personId, String subject, String requestedBy, Instant requestedAt,
                          UUID referralId, String decision, Instant decidedAt, String decidedBy, UUID membershipId) {

    public static final String CONFIRMED = "CONFIRMED";
    public static final String REFUSED = "REFUSED";

    public JoinRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(subject, "subject");
    }

    public static JoinRequest asked(UUID personId, String subject, String requestedBy, UUID referralId, Instant at) {
        return new JoinRequest(UUID.randomUUID(), personId, subject, requestedBy, at, referralId, null, null, null,
                null);
    }

    public boolean isPending() {
        return decision == null;
    }

    /** The DSR team confirms: the request becomes a KEY_PROFESSIONAL membership from now. */
    public Confirmed confirm(String by, Instant at) {
        checkDecidable(by);
        Membership membership = Membership.start(personId, subject, CareTeamRole.KEY_PROFESSIONAL,
                "key professional; request by " + requestedBy + " confirmed by the DSR team", referralId, null, at, by,
                null);
        return new Confirmed(new JoinRequest(id, personId, subject, requestedBy, requestedAt, referralId, CONFIRMED,
                at, by, membership.id()), membership);
    }

    public JoinRequest refuse(String by, Instant at) {
        checkDecidable(by);
        return new JoinRequest(id, personId, subject, requestedBy, requestedAt, referralId, REFUSED, at, by, null);
    }

    private void checkDecidable(String by) {
        if (!isPending()) {
            throw RuleBroken.conflict("care-team-request-decided", "The request is already decided",
                    "this request to join the care team was already " + decision.toLowerCase());
        }
        if (by.equals(subject) || by.equals(requestedBy)) {
            throw RuleBroken.forbidden("nobody decides a request to join a care team that names them or that they made");
        }
    }

    /** A confirmed request and the membership it starts. */
    public record Confirmed(JoinRequest request, Membership membership) {
    }
}
