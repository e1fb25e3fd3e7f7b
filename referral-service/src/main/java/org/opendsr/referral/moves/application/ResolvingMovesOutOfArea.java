package org.opendsr.referral.moves.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.audit.AuditOutcome;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.referral.access.application.RecordAccess;
import org.opendsr.referral.access.domain.AccessPurpose;
import org.opendsr.referral.audit.application.Actor;
import org.opendsr.referral.audit.application.AuditAction;
import org.opendsr.referral.moves.domain.MoveOutOfArea;
import org.opendsr.referral.register.domain.RegisterEntries;
import org.opendsr.referral.register.domain.RegisterEntry;
import org.opendsr.referral.shared.application.KeysetPage;
import org.opendsr.referral.shared.application.Now;
import org.opendsr.referral.shared.application.PageRequest;

/**
 * The moves-out-of-area worklist (issue 15). Once someone has moved out of area every area's DSR team may read their
 * record (they belong to no area: the kit's {@code NeedToKnow}), but the move is the business of the team they moved
 * away from, which knows them: the item is that team's (and the leads'), wherever the person has gone since, until it
 * is resolved. Another area's team does not see it, and is told "not found" if it tries to resolve it; everyone else
 * is refused at the web edge. Every line shown is audited as listed, every resolution as a change, every refused
 * attempt as refused.
 */
@Singleton
public class ResolvingMovesOutOfArea {

    static final String NOT_FOUND = "The move out of area";

    private final MovesOutOfArea moves;
    private final RegisterEntries registerEntries;
    private final RecordAccess access;
    private final Clock clock;

    public ResolvingMovesOutOfArea(MovesOutOfArea moves, RegisterEntries registerEntries, RecordAccess access,
                                   Clock clock) {
        this.moves = moves;
        this.registerEntries = registerEntries;
        this.access = access;
        this.clock = clock;
    }

    @Transactional
    public KeysetPage<MovesOutOfArea.Line> open(PageRequest page, Caller caller, AccessPurpose purpose) {
        requireDsr(caller);
        Instant now = Now.of(clock);
        KeysetPage<MovesOutOfArea.Line> shown = moves.open(caller.hasRole(DsrRoles.DSR_LEAD),
                List.copyOf(caller.areas()), page);
        if (!shown.items().isEmpty()) {
            access.auditAll(shown.items().stream().map(MovesOutOfArea.Line::personId).toList(), Actor.of(caller),
                    AuditAction.LISTED, "moves-out-of-area worklist", purpose, now);
        }
        return shown;
    }

    @Transactional
    public MoveOutOfArea resolve(UUID moveId, MoveOutOfArea.Outcome outcome, @Nullable String transferredTo,
                                 @Nullable MoveOutOfArea.StayingReason stayingReason, Caller caller,
                                 AccessPurpose purpose) {
        requireDsr(caller);
        Instant now = Now.of(clock);
        MoveOutOfArea move = moves.lockedById(moveId).orElse(null);
        if (move == null) {
            access.auditAttempt(null, caller, "move out of area " + moveId, AuditOutcome.NOT_FOUND);
            throw RuleBroken.notFound(NOT_FOUND);
        }
        if (!caller.hasRole(DsrRoles.DSR_LEAD) && !caller.areas().contains(move.fromArea())) {
            access.auditAttempt(move.personId(), caller, "move out of area " + moveId, AuditOutcome.REFUSED);
            throw RuleBroken.notFound(NOT_FOUND);
        }
        boolean entryStillOpen = registerEntries.byId(move.registerEntryId()).map(RegisterEntry::isOpen).orElse(false);
        MoveOutOfArea resolved = move.resolve(outcome, transferredTo, stayingReason, entryStillOpen, caller.userId(),
                now);
        if (resolved == move) {
            return move;
        }
        moves.saveResolution(resolved);
        access.audit(move.personId(), Actor.of(caller), AuditAction.CHANGED, "move out of area " + moveId
                + " resolved: " + outcome + describe(resolved.resolution()), purpose, now);
        return resolved;
    }

    private static String describe(MoveOutOfArea.Resolution resolution) {
        if (resolution.transferredTo() != null) {
            return " to " + resolution.transferredTo();
        }
        return resolution.stayingReason() == null ? "" : " (" + resolution.stayingReason() + ")";
    }

    private static void requireDsr(Caller caller) {
        if (!RecordAccess.worksTheRegister(caller)) {
            throw RuleBroken.forbidden("only the DSR team and leads work moves out of area");
        }
    }
}
