package org.opendsr.referral.moves.application;

import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Singleton;
import org.opendsr.referral.moves.domain.MoveOutOfArea;
import org.opendsr.referral.register.domain.RegisterEntries;
import org.opendsr.referral.shared.application.ReferralSettings;

/**
 * Puts someone on the register who moved out of the ICB's area ({@code dsr.person.moved.v1} with {@code outOfArea})
 * on the worklist of the DSR team of the area they moved from, for transfer, removal or keeping (issue 15: the move
 * was announced and nobody acted on it). Runs in the transaction of the address change, whoever made it (the DSR
 * team, a professional, or a linked agency's update), so the item exists exactly when the move does. Someone not on
 * the register is not put on it: their referral's assessment deals with where they live.
 */
@Singleton
public class NoticingMovesOutOfArea {

    private final MovesOutOfArea moves;
    private final RegisterEntries registerEntries;

    public NoticingMovesOutOfArea(MovesOutOfArea moves, RegisterEntries registerEntries) {
        this.moves = moves;
        this.registerEntries = registerEntries;
    }

    /**
     * @param fromLocality the locality before the change (null for none)
     * @param toLocality   the locality after it
     */
    public void moved(UUID personId, String fromLocality, String toLocality, Instant movedAt, Instant now) {
        if (!MoveOutOfArea.isMoveOutOfArea(fromLocality, toLocality, ReferralSettings.OUT_OF_AREA)) {
            return;
        }
        registerEntries.openEntryOf(personId).ifPresent(entry -> moves.addUnlessOpen(MoveOutOfArea.noticed(
                UUID.randomUUID(), personId, entry.id(), fromLocality, movedAt, now)));
    }
}
