package org.opendsr.referral.audit.application;

import org.opendsr.kit.audit.ChainCheck;

/** Whether the audit trail is as it was written: the kit's hash-chain check, run on demand. */
public interface AuditIntegrity {

    /** Seals what is waiting, then checks the whole chain; reports the first broken position, if any. */
    ChainCheck check();
}
