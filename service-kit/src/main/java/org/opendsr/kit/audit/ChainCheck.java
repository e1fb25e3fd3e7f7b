package org.opendsr.kit.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * What a check of the audit chain found: intact, or the first chain position that is broken (an entry changed, an
 * entry missing, or a position missing) and which. No personal data: positions, sequence numbers and a reason.
 *
 * @param checkedFrom   the first position checked (after the anchor left by retention, if any)
 * @param head          the last position checked, whose hash a lead may keep elsewhere as a witness
 * @param firstBroken   the first broken position, null when intact
 * @param brokenEntry   the entry sealed at that position (its seq), when known
 * @param problem       what is wrong there: ENTRY_CHANGED, ENTRY_MISSING or POSITION_MISSING; null when intact
 */
@Serdeable
public record ChainCheck(boolean intact, long checkedFrom, long head, @Nullable String headHash,
                         @Nullable Long firstBroken, @Nullable Long brokenEntry, @Nullable String problem) {
}
