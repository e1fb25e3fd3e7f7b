package org.opendsr.referral.inmemory;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.opendsr.referral.person.application.DuplicateFlags;

/** Flags of pairs, each pair once whichever way round it is flagged. */
public class InMemoryDuplicateFlags implements DuplicateFlags {

    public record Flag(UUID id, Set<UUID> pair, Instant at, String resolution) {
    }

    private final Map<Set<UUID>, Flag> flags = new LinkedHashMap<>();

    @Override
    public boolean flag(UUID one, UUID other, Instant at) {
        return flags.putIfAbsent(Set.of(one, other), new Flag(UUID.randomUUID(), Set.of(one, other), at, null)) == null;
    }

    @Override
    public Optional<UUID[]> openPair(UUID flagId) {
        return flags.values().stream().filter(flag -> flag.id().equals(flagId) && flag.resolution() == null)
                .findFirst().map(flag -> flag.pair().toArray(new UUID[0]));
    }

    @Override
    public void resolve(UUID flagId, String resolution, String resolvedBy, Instant at) {
        flags.replaceAll((pair, flag) -> flag.id().equals(flagId)
                ? new Flag(flag.id(), flag.pair(), flag.at(), resolution) : flag);
    }

    public boolean isFlagged(UUID one, UUID other) {
        return flags.containsKey(Set.of(one, other));
    }

    public java.util.List<Flag> flags() {
        return java.util.List.copyOf(flags.values());
    }

    public int count() {
        return flags.size();
    }
}
