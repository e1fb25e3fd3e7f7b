package org.opendsr.referral.inmemory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;

import org.opendsr.kit.audit.AuditOutcome;
import org.opendsr.kit.audit.AuditPage;
import org.opendsr.kit.audit.AuditRecord;
import org.opendsr.referral.audit.application.AuditTrail;

public class InMemoryAuditTrail implements AuditTrail {

    private final List<AuditRecord> entries = new ArrayList<>();

    @Override
    public void record(UUID personId, Instant at, String actor, String actorRoles, String action, String what,
                       String purpose) {
        recordAll(java.util.Collections.singletonList(personId), at, actor, actorRoles, action, what, purpose);
    }

    @Override
    public void recordAll(Collection<UUID> personIds, Instant at, String actor, String actorRoles, String action,
                          String what, String purpose) {
        for (UUID personId : personIds) {
            add(personId, at, actor, actorRoles, action, what, purpose, AuditOutcome.ALLOWED, null, null);
        }
    }

    @Override
    public void recordEach(List<Note> notes, Instant at, String actor, String actorRoles, String purpose) {
        for (Note note : notes) {
            add(note.personId(), at, actor, actorRoles, note.action(), note.what(), purpose, AuditOutcome.ALLOWED,
                    null, null);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void recordChange(UUID personId, Instant at, String actor, String actorRoles, String what,
                             String purpose, Map<String, ?> before, Map<String, ?> after) {
        add(personId, at, actor, actorRoles, "CHANGED", what, purpose, AuditOutcome.ALLOWED,
                (Map<String, Object>) before, (Map<String, Object>) after);
    }

    @Override
    public void recordAttempt(UUID personId, String actor, String actorRoles, String action, String what,
                              String purpose, AuditOutcome outcome) {
        add(personId, Instant.now(), actor, actorRoles, action, what, purpose, outcome, null, null);
    }

    private final java.util.Set<String> sources = new java.util.HashSet<>();

    @Override
    public boolean recordOnce(String sourceId, UUID personId, Instant at, String actor, String actorRoles,
                              String action, String what, String purpose, AuditOutcome outcome,
                              String correlationId) {
        if (!sources.add(sourceId)) {
            return false;
        }
        add(personId, at, actor, actorRoles, action, what, purpose, outcome, null, null);
        return true;
    }

    private void add(UUID personId, Instant at, String actor, String roles, String action, String what,
                     String purpose, AuditOutcome outcome, Map<String, Object> before, Map<String, Object> after) {
        entries.add(new AuditRecord(entries.size() + 1, at, actor, roles, action, personId, what, purpose,
                outcome.name(), before, after, null));
    }

    @Override
    public AuditPage ofPerson(UUID personId, Long before, int size) {
        return page(entry -> personId.equals(entry.personId()), before, size);
    }

    @Override
    public AuditPage ofPeople(java.util.List<UUID> personIds, Long before, int size) {
        return page(entry -> personIds.contains(entry.personId()), before, size);
    }

    @Override
    public AuditPage ofActor(String actor, Long before, int size) {
        return page(entry -> entry.actor().equals(actor), before, size);
    }

    private AuditPage page(Predicate<AuditRecord> which, Long before, int size) {
        List<AuditRecord> trail = entries.stream().filter(which)
                .filter(entry -> before == null || entry.seq() < before)
                .sorted(Comparator.comparingLong(AuditRecord::seq).reversed()).toList();
        List<AuditRecord> onPage = trail.stream().limit(size).toList();
        return new AuditPage(onPage, size, trail.size() > size ? onPage.get(onPage.size() - 1).seq() : null);
    }

    /** What was written about the person, oldest first, as "ACTION what". */
    public List<String> of(UUID personId) {
        return entries.stream().filter(entry -> Objects.equals(entry.personId(), personId))
                .map(entry -> entry.action() + " " + entry.what()).toList();
    }
}
