package org.opendsr.referral.inmemory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.opendsr.referral.audit.application.AuditTrail;
import org.opendsr.referral.shared.application.Page;

public class InMemoryAuditTrail implements AuditTrail {

    private final List<Entry> entries = new ArrayList<>();

    @Override
    public void record(UUID personId, Instant at, String actor, String actorRoles, String action, String what,
                       String purpose) {
        recordAll(List.of(personId), at, actor, actorRoles, action, what, purpose);
    }

    @Override
    public void recordAll(Collection<UUID> personIds, Instant at, String actor, String actorRoles, String action,
                          String what, String purpose) {
        for (UUID personId : personIds) {
            entries.add(new Entry(entries.size() + 1, personId, at, actor, actorRoles, action, what, purpose, null));
        }
    }

    @Override
    public void recordEach(List<Note> notes, Instant at, String actor, String actorRoles, String purpose) {
        for (Note note : notes) {
            entries.add(new Entry(entries.size() + 1, note.personId(), at, actor, actorRoles, note.action(),
                    note.what(), purpose, null));
        }
    }

    @Override
    public Page<Entry> of(UUID personId, int page, int size) {
        List<Entry> trail = entries.stream().filter(entry -> entry.personId().equals(personId))
                .sorted(Comparator.comparing(Entry::occurredAt).thenComparing(Entry::id).reversed()).toList();
        List<Entry> onPage = trail.stream().skip((long) page * size).limit(size).toList();
        return new Page<>(onPage, page, size, trail.size());
    }

    /** What was written about the person, oldest first, as "ACTION what". */
    public List<String> of(UUID personId) {
        return entries.stream().filter(entry -> entry.personId().equals(personId))
                .map(entry -> entry.action() + " " + entry.what()).toList();
    }
}
