package org.opendsr.kit.lifecycle;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.opendsr.contracts.lifecycle.ErasureConfirmed;
import org.opendsr.contracts.lifecycle.PersonErased;
import org.opendsr.contracts.lifecycle.PersonMerged;
import org.opendsr.kit.audit.AuditEntry;
import org.opendsr.kit.audit.AuditLog;
import org.opendsr.kit.messaging.ReceivedEvent;
import org.opendsr.kit.ports.EventOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a consuming service follows referral-service's person lifecycle (issue 16): an erasure deletes what it holds and
 * confirms it, a merge moves the duplicate's records to the survivor. Each runs in the inbound event's transaction, so
 * the processed-event record, the changes and the confirmation in the outbox commit together: a redelivered erasure
 * changes nothing and is not confirmed twice. Each service builds one with {@link #of} and registers
 * {@link Following#erased} and {@link Following#merged} on its referral events listener.
 */
@Singleton
public class PersonLifecycle {

    /**
     * A transaction-local setting ({@code current_setting('dsr.person_lifecycle', true) = 'on'}) that tables guarded
     * against change (append-only rating history, frozen agendas) check, so that only an erasure or a merge passes.
     */
    public static final String LIFECYCLE_SETTING = "dsr.person_lifecycle";

    /** Who erases and merges people, as the audit trail names a system that changed something. */
    static final String DECIDED_BY = "referral-service";

    private static final Logger LOG = LoggerFactory.getLogger(PersonLifecycle.class);

    private final TransactionOperations<Connection> transactions;
    private final KitPersonRecords kitRecords;
    private final MergedPeople mergedPeople;
    private final EventOutbox outbox;
    private final Clock clock;
    private final AuditLog audit;

    public PersonLifecycle(TransactionOperations<Connection> transactions, KitPersonRecords kitRecords,
                           MergedPeople mergedPeople, EventOutbox outbox, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.transactions = transactions;
        this.kitRecords = kitRecords;
        this.mergedPeople = mergedPeople;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * @param service          the service's name in its confirmation, e.g. {@code consent-service}
     * @param confirmationType its {@code dsr.<service>.erasure-confirmed.v1}
     * @param records          the service's own records
     */
    public Following of(String service, String confirmationType, PersonRecords records) {
        return new Following(service, confirmationType, records);
    }

    public final class Following {
        private final String service;
        private final String confirmationType;
        private final PersonRecords records;

        private Following(String service, String confirmationType, PersonRecords records) {
            this.service = service;
            this.confirmationType = confirmationType;
            this.records = records;
        }

        /** {@code dsr.person.erased.v1}: erase, then confirm with how many rows went (0 for someone never known). */
        public void erased(ReceivedEvent<PersonErased> event) {
            UUID personId = event.payload().personId();
            allowLifecycleChanges();
            long erased = records.erase(personId) + kitRecords.erase(personId);
            outbox.append("person", personId, confirmationType,
                    new ErasureConfirmed(personId, service, erased, clock.instant()));
            // The audit trail keeps that the erasure happened (it is kept for its own period, and holds no more than
            // the personId): who decided it, on what grounds, and how much went. A count, no personal data: stored
            // plain, as the person's audit key went with the erasure (KitPersonRecords).
            audit.appendWithPlainValues(AuditEntry.allowed(clock.instant(), DECIDED_BY, "SYSTEM", "ERASED", personId,
                    "every record of the person in " + service, event.payload().grounds().name())
                    .withChange(null, Map.of("recordsErased", erased)));
            LOG.info("{} erased {} record(s) of person {} ({})", service, erased, personId, event.payload().grounds());
        }

        /**
         * {@code dsr.person.merged.v1}: link the duplicate to the survivor, then move its records. A merge already
         * linked (delivered again under another event id, or replayed from the dead-letter topic after later events
         * about the survivor) changes nothing more.
         */
        public void merged(ReceivedEvent<PersonMerged> event) {
            PersonMerged merge = event.payload();
            if (!mergedPeople.link(merge.from(), merge.into(), merge.mergedAt())) {
                LOG.info("{}: person {} was merged into {} already", service, merge.from(), merge.into());
                return;
            }
            allowLifecycleChanges();
            records.merge(merge.from(), merge.into());
            kitRecords.merge(merge.from(), merge.into());
            // The duplicate's id only: no personal data, so plain (readable whatever becomes of either key).
            audit.appendWithPlainValues(AuditEntry.allowed(clock.instant(), DECIDED_BY, "SYSTEM", "MERGED", merge.into(),
                    "the records of a duplicate in " + service, "DATA_QUALITY")
                    .withChange(null, Map.of("mergedFrom", merge.from().toString())));
            LOG.info("{} merged person {} into {}", service, merge.from(), merge.into());
        }
    }

    private void allowLifecycleChanges() {
        Connection connection = PersonLifecycleTables.current(transactions, "A person's erasure or merge");
        try (PreparedStatement set = connection.prepareStatement("SELECT set_config(?, 'on', true)")) {
            set.setString(1, LIFECYCLE_SETTING);
            set.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not allow a person's erasure or merge", e);
        }
    }
}
