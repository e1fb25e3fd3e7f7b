package org.opendsr.referral.audit.adapters.persistence;

import java.sql.SQLException;

import jakarta.inject.Singleton;
import org.opendsr.kit.audit.AuditChain;
import org.opendsr.kit.audit.ChainCheck;
import org.opendsr.referral.audit.application.AuditIntegrity;

/** The check of the kit's audit chain (which also runs daily by itself). */
@Singleton
class KitAuditIntegrity implements AuditIntegrity {

    private final AuditChain chain;

    KitAuditIntegrity(AuditChain chain) {
        this.chain = chain;
    }

    @Override
    public ChainCheck check() {
        try {
            return chain.check();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not check the audit chain", e);
        }
    }
}
