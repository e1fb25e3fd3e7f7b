package org.opendsr.referral.moves.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

import org.opendsr.kit.rules.RuleBroken;

/**
 * Someone on the register who moved out of the ICB's area, on the worklist of the DSR team of the area they moved
 * from until that team resolves it, once: {@link Outcome#TRANSFERRED} to the area or ICB now responsible (a code),
 * {@link Outcome#REMOVED_FROM_REGISTER} (after the register's own removal, which keeps its own rules), or
 * {@link Outcome#STAYING} (still this ICB's responsibility, e.g. a placement out of area it commissions).
 *
 * @param registerEntryId the register entry open when they moved
 * @param fromArea        the locality they moved from: whose DSR team works the item
 * @param resolution      null while the item is open
 */
public record MoveOutOfArea(UUID id, UUID personId, UUID registerEntryId, String fromArea, Instant movedAt,
                            Instant noticedAt, Resolution resolution) {

    /** An area or ICB code: an ICB's or sub-ICB location's ODS code (e.g. QOX, 92G) or a locality code. */
    static final Pattern AREA_CODE = Pattern.compile("[A-Z0-9][A-Z0-9_]{1,39}");

    public enum Outcome {
        /** Another area or ICB took over: which one is recorded. */
        TRANSFERRED,
        /** Taken off this register through the register's removal (reason e.g. MOVED_OUT_OF_AREA). */
        REMOVED_FROM_REGISTER,
        /** Still this ICB's responsibility, for a reason from {@link StayingReason}. */
        STAYING
    }

    /** Why someone who moved out of area stays on this register. */
    public enum StayingReason {
        /** Placed out of area (e.g. a residential placement) by services of this ICB, which still commissions them. */
        PLACEMENT_OUT_OF_AREA,
        /** A temporary move: they are expected back. */
        TEMPORARY_MOVE,
        /** Still commissioned by this ICB for another reason (e.g. still registered with a GP practice here). */
        STILL_COMMISSIONED_HERE
    }

    public record Resolution(Outcome outcome, String transferredTo, StayingReason stayingReason, String resolvedBy,
                             Instant resolvedAt) {
        public Resolution {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(resolvedBy, "resolvedBy");
            Objects.requireNonNull(resolvedAt, "resolvedAt");
        }

        boolean sameAs(Resolution other) {
            return outcome == other.outcome && Objects.equals(transferredTo, other.transferredTo)
                    && stayingReason == other.stayingReason;
        }
    }

    public MoveOutOfArea {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(registerEntryId, "registerEntryId");
        Objects.requireNonNull(fromArea, "fromArea");
        Objects.requireNonNull(movedAt, "movedAt");
        Objects.requireNonNull(noticedAt, "noticedAt");
    }

    /**
     * Whether a move from {@code fromLocality} to {@code toLocality} takes someone out of the ICB's area: from one of
     * its localities to out of area. A move between two out-of-area addresses is not (the team already knows), nor a
     * first address.
     */
    public static boolean isMoveOutOfArea(String fromLocality, String toLocality, String outOfArea) {
        return fromLocality != null && !fromLocality.equals(outOfArea) && outOfArea.equals(toLocality);
    }

    /** A new open item. */
    public static MoveOutOfArea noticed(UUID id, UUID personId, UUID registerEntryId, String fromArea, Instant movedAt,
                                        Instant noticedAt) {
        return new MoveOutOfArea(id, personId, registerEntryId, fromArea, movedAt, noticedAt, null);
    }

    public boolean isOpen() {
        return resolution == null;
    }

    /**
     * Resolves the item. Each outcome carries what it needs and nothing else. REMOVED_FROM_REGISTER only once the
     * register entry is closed (the removal is the register's, with its own rule and audit); STAYING only while it is
     * open. The same resolution again changes nothing; another once resolved is refused.
     *
     * @param entryStillOpen whether the register entry open at the move is still open
     */
    public MoveOutOfArea resolve(Outcome outcome, String transferredTo, StayingReason stayingReason,
                                 boolean entryStillOpen, String by, Instant at) {
        if (outcome == null) {
            throw RuleBroken.invalid("outcome", "must be TRANSFERRED, REMOVED_FROM_REGISTER or STAYING");
        }
        String to = transferredTo == null ? null : transferredTo.trim();
        if (outcome == Outcome.TRANSFERRED) {
            if (to == null || to.isEmpty()) {
                throw RuleBroken.invalid("transferredTo", "is required for TRANSFERRED: the area or ICB code");
            }
            if (!AREA_CODE.matcher(to).matches()) {
                throw RuleBroken.invalid("transferredTo", "must be an area or ICB code: capital letters, digits and"
                        + " underscores, e.g. QOX");
            }
        } else if (to != null) {
            throw RuleBroken.invalid("transferredTo", "is given only for TRANSFERRED");
        }
        if (outcome == Outcome.STAYING && stayingReason == null) {
            throw RuleBroken.invalid("stayingReason", "is required for STAYING");
        }
        if (outcome != Outcome.STAYING && stayingReason != null) {
            throw RuleBroken.invalid("stayingReason", "is given only for STAYING");
        }
        Resolution resolved = new Resolution(outcome, to, stayingReason, by, at);
        if (resolution != null) {
            if (resolution.sameAs(resolved)) {
                return this;
            }
            throw RuleBroken.conflict("move-out-of-area-resolved", "Already resolved",
                    "this move out of area was already resolved as " + resolution.outcome() + "; it is resolved once");
        }
        if (outcome == Outcome.REMOVED_FROM_REGISTER && entryStillOpen) {
            throw RuleBroken.conflict("still-on-register", "Still on the register", "outcome",
                    "remove the person from the register first (POST /register/" + registerEntryId
                            + "/removal, e.g. reason MOVED_OUT_OF_AREA), then resolve this item");
        }
        if (outcome == Outcome.STAYING && !entryStillOpen) {
            throw RuleBroken.conflict("no-longer-on-register", "No longer on the register", "outcome",
                    "the person was removed from the register since they moved: they cannot stay on it");
        }
        return new MoveOutOfArea(id, personId, registerEntryId, fromArea, movedAt, noticedAt, resolved);
    }

    @Override
    public String toString() {
        return "MoveOutOfArea[id=" + id + ", personId=" + personId + ", fromArea=" + fromArea + ", resolution="
                + resolution + "]";
    }
}
