package org.opendsr.consent.adapters.persistence;

import java.util.List;

import jakarta.inject.Singleton;
import org.opendsr.consent.application.ConsentAudit;
import org.opendsr.kit.audit.AuditEntry;
import org.opendsr.kit.audit.AuditLog;
import org.opendsr.kit.audit.AuditOutcome;

/**
 * The consent audit on the kit's audit trail ({@code dsr_kit.audit_entry}): append-only (the database refuses
 * UPDATE, DELETE and TRUNCATE) and sealed into a hash chain the kit checks, like every service's.
 */
@Singleton
class KitConsentAudit implements ConsentAudit {

    private final AuditLog log;

    KitConsentAudit(AuditLog log) {
        this.log = log;
    }

    @Override
    public void append(List<Entry> entries) {
        log.appendAll(entries.stream().map(KitConsentAudit::toKit).toList());
    }

    @Override
    public void appendInItsOwnTransaction(Entry entry) {
        log.appendInItsOwnTransaction(toKit(entry));
    }

    private static AuditEntry toKit(Entry entry) {
        return new AuditEntry(entry.at(), entry.actor(), entry.actorRoles(), entry.action().name(), entry.personId(),
                entry.what(), entry.purpose().name(), AuditOutcome.valueOf(entry.outcome().name()), entry.before(),
                entry.after(), null, null);
    }
}
