package org.opendsr.referral.inmemory;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.opendsr.referral.rights.application.ProcessingRestrictions;
import org.opendsr.referral.rights.domain.ProcessingRestriction;

/** Restrictions of processing in memory, for use-case tests. */
public class InMemoryProcessingRestrictions implements ProcessingRestrictions {

    private final Map<UUID, ProcessingRestriction> held = new ConcurrentHashMap<>();

    @Override
    public ProcessingRestriction of(UUID personId) {
        return held.getOrDefault(personId, ProcessingRestriction.none(personId));
    }

    @Override
    public void save(ProcessingRestriction restriction) {
        held.put(restriction.personId(), restriction);
    }
}
