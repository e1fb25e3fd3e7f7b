package org.opendsr.kit.audit;

import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A page of the audit trail, newest first; {@code nextBefore} is the {@code before} that asks for the next (older)
 * page, null on the last page.
 */
@Serdeable
public record AuditPage(List<AuditRecord> entries, int size, @Nullable Long nextBefore) {

    /** The largest page anyone may ask for. */
    public static final int MAX_SIZE = 200;
}
