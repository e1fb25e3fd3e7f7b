package org.opendsr.risk.updates.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.opendsr.kit.access.PersonScope;
import org.opendsr.kit.ports.EventOutbox;
import org.opendsr.risk.updates.domain.PostedUpdate;
import org.opendsr.risk.updates.domain.UpdateSchedule;

/** The updates feature's ports in memory, for use-case tests that need no database or broker. */
final class InMemoryUpdatePorts {

    private InMemoryUpdatePorts() {
    }

    static class Schedules implements UpdateSchedules {
        final Map<UUID, UpdateSchedule> rows = new HashMap<>();

        @Override
        public Optional<UpdateSchedule> find(UUID personId) {
            return Optional.ofNullable(rows.get(personId));
        }

        @Override
        public Optional<UpdateSchedule> findForUpdate(UUID personId) {
            return find(personId);
        }

        @Override
        public void save(UpdateSchedule schedule) {
            rows.put(schedule.personId(), schedule);
        }

        @Override
        public List<UpdateSchedule> missedBeforeForUpdate(LocalDate today) {
            return rows.values().stream()
                    .filter(s -> s.isRunning() && !s.isOverdue() && s.nextDueOn().isBefore(today))
                    .sorted(Comparator.comparing(UpdateSchedule::personId)).toList();
        }

        @Override
        public List<OverdueUpdate> overdue(LocalDate today, Instant now, PersonScope scope, String area,
                                           String responsibleProfessional, org.opendsr.kit.paging.WorklistPage.After after,
                                           int limit) {
            throw new UnsupportedOperationException("the worklist is SQL: tested against PostgreSQL");
        }
    }

    static final class Updates implements PostedUpdates {
        final List<PostedUpdate> rows = new ArrayList<>();

        @Override
        public void add(PostedUpdate update) {
            rows.add(update);
        }

        @Override
        public List<PostedUpdate> newestOf(UUID personId, PersonUpdatesPage.After after, int limit) {
            return rows.stream().filter(u -> u.personId().equals(personId))
                    .sorted(Comparator.comparing(PostedUpdate::postedAt).reversed()).limit(limit).toList();
        }
    }

    static final class Areas implements PersonAreas {
        final Map<UUID, String> areas = new HashMap<>();

        @Override
        public Optional<String> areaOf(UUID personId) {
            return Optional.ofNullable(areas.get(personId));
        }
    }

    /** What was appended to the outbox, in order. */
    static final class Outbox implements EventOutbox {
        record Appended(UUID personId, String eventType, Object payload) {
        }

        final List<Appended> appended = new ArrayList<>();

        @Override
        public UUID append(String aggregateType, UUID personId, String eventType, Object payload) {
            appended.add(new Appended(personId, eventType, payload));
            return UUID.randomUUID();
        }
    }
}
