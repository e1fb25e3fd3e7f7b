package org.opendsr.referral.rights.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.referral.person.domain.Person;

/**
 * Two records the DSR team found to be one person, merged into one. Which one survives, and what the two disagree on.
 *
 * <p>The survivor is the one on the register (an open register entry), so that the register entry, its responsible
 * professional and every service's need-to-know built on it keep their key; when neither is, the older record (it
 * has the longer history, and most events already name it); when both were recorded at the same instant, the lower
 * id, so that the rule always gives one answer. When both are on the register the merge is refused: the register
 * allows one open entry per person, and closing one of them is a removal from the register with a reason, which is
 * the DSR team's decision (and an event other services count), not a side effect of a merge.
 */
public final class PersonMerge {

    /** What the survivor rule looks at of each record. */
    public record Side(UUID personId, Instant recordedAt, boolean onRegister) {
        public Side {
            Objects.requireNonNull(personId, "personId");
            Objects.requireNonNull(recordedAt, "recordedAt");
        }
    }

    /** The record that stays and the one merged into it. */
    public record Outcome(UUID survivor, UUID mergedAway) {
    }

    /** One detail the two records disagree on, for the DSR team to settle. Never printed with its values. */
    public record Difference(MergeField field, String survivorValue, String mergedValue) {
        @Override
        public String toString() {
            return "Difference[" + field + ", values redacted]";
        }
    }

    private PersonMerge() {
    }

    /** Which record survives: the one on the register, else the older, else the lower id. */
    public static Outcome survivorOf(Side one, Side other) {
        if (one.personId().equals(other.personId())) {
            throw RuleBroken.conflict("same-record", "One record", "a record cannot be merged with itself");
        }
        if (one.onRegister() && other.onRegister()) {
            throw RuleBroken.conflict("both-on-the-register", "Both records are on the register",
                    "both records have an open register entry; remove the duplicate entry from the register"
                            + " (with its reason) first, then resolve the pair as the same person");
        }
        Side survivor;
        if (one.onRegister() != other.onRegister()) {
            survivor = one.onRegister() ? one : other;
        } else if (!one.recordedAt().equals(other.recordedAt())) {
            survivor = one.recordedAt().isBefore(other.recordedAt()) ? one : other;
        } else {
            survivor = one.personId().toString().compareTo(other.personId().toString()) < 0 ? one : other;
        }
        Side mergedAway = survivor == one ? other : one;
        return new Outcome(survivor.personId(), mergedAway.personId());
    }

    /**
     * The details that differ, for the DSR team to settle; the survivor's stand until they do. A detail only the
     * merged-away record holds is a difference too: filling it in silently could put one person's NHS number or
     * address on another's record if the pair was misjudged, so a person decides.
     */
    public static List<Difference> differences(Person survivor, Person mergedAway) {
        List<Difference> found = new ArrayList<>();
        for (MergeField field : MergeField.values()) {
            String kept = field.valueOf(survivor);
            String other = field.valueOf(mergedAway);
            if (other != null && !other.equals(kept)) {
                found.add(new Difference(field, kept, other));
            }
        }
        return found;
    }

    static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
