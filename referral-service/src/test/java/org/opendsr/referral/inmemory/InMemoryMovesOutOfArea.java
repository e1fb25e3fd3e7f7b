package org.opendsr.referral.inmemory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.opendsr.referral.moves.application.MovesOutOfArea;
import org.opendsr.referral.moves.domain.MoveOutOfArea;
import org.opendsr.referral.shared.application.KeysetPage;
import org.opendsr.referral.shared.application.PageRequest;

/** {@link MovesOutOfArea} in memory, for use-case tests (the listing is PostgreSQL's, tested through the API). */
public class InMemoryMovesOutOfArea implements MovesOutOfArea {

    private final Map<UUID, MoveOutOfArea> moves = new LinkedHashMap<>();

    @Override
    public boolean addUnlessOpen(MoveOutOfArea move) {
        if (moves.values().stream().anyMatch(m -> m.personId().equals(move.personId()) && m.isOpen())) {
            return false;
        }
        moves.put(move.id(), move);
        return true;
    }

    @Override
    public KeysetPage<Line> open(boolean everyArea, List<String> areas, PageRequest page) {
        throw new UnsupportedOperationException("the listing is tested against PostgreSQL");
    }

    @Override
    public Optional<MoveOutOfArea> lockedById(UUID moveId) {
        return Optional.ofNullable(moves.get(moveId));
    }

    @Override
    public void saveResolution(MoveOutOfArea move) {
        moves.put(move.id(), move);
    }

    public List<MoveOutOfArea> all() {
        List<MoveOutOfArea> all = new ArrayList<>(moves.values());
        all.sort(Comparator.comparing(MoveOutOfArea::noticedAt));
        return all;
    }
}
