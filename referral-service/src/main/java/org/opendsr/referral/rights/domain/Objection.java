package org.opendsr.referral.rights.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import org.opendsr.kit.rules.RuleBroken;

/**
 * An objection the person (or someone for them) made to processing of their data, and the DSR's decision once made.
 * The details are the person's words: personal data, never logged.
 */
public record Objection(UUID id, UUID personId, LocalDate receivedOn, ObjectionGround objectsTo, String details,
                        ObjectionDecision decision, String decidedBy, Instant decidedAt, String recordedBy,
                        Instant recordedAt) {

    public static final int MAX_DETAILS = 4000;

    public Objection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(receivedOn, "receivedOn");
        Objects.requireNonNull(objectsTo, "objectsTo");
    }

    /**
     * An objection as received: not in the future, with words when it is about OTHER (the code alone says nothing),
     * and decided now if the decision is given with it.
     */
    public static Objection received(UUID personId, LocalDate receivedOn, ObjectionGround objectsTo, String details,
                                     ObjectionDecision decision, String by, Instant at, LocalDate today) {
        if (receivedOn.isAfter(today)) {
            throw RuleBroken.invalid("receivedOn", "cannot be in the future");
        }
        String words = details == null || details.isBlank() ? null : details.trim();
        if (objectsTo == ObjectionGround.OTHER && words == null) {
            throw RuleBroken.invalid("details", "are needed when the objection is to OTHER: say what it is to");
        }
        if (words != null && words.length() > MAX_DETAILS) {
            throw RuleBroken.invalid("details", "must be at most " + MAX_DETAILS + " characters");
        }
        return new Objection(UUID.randomUUID(), personId, receivedOn, objectsTo, words, decision,
                decision == null ? null : by, decision == null ? null : at, by, at);
    }

    /** The decision on an objection still being considered; a decided one is not decided again. */
    public Objection decided(ObjectionDecision decision, String by, Instant at) {
        Objects.requireNonNull(decision, "decision");
        if (this.decision != null) {
            throw RuleBroken.conflict("objection-already-decided", "Already decided",
                    "this objection was decided already; record a new objection if the person objects again");
        }
        return new Objection(id, personId, receivedOn, objectsTo, details, decision, by, at, recordedBy, recordedAt);
    }

    @Override
    public String toString() {
        return "Objection[id=" + id + ", personId=" + personId + ", " + objectsTo + ", details redacted]";
    }
}
