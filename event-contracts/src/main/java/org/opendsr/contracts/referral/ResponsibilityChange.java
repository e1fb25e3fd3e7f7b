package org.opendsr.contracts.referral;

import io.micronaut.serde.annotation.Serdeable;

/** What happened to the responsible professional of a register entry. Without one the entry is unallocated and the DSR team must re-allocate it. */
@Serdeable
public enum ResponsibilityChange {
    ALLOCATED,
    DISCHARGED_BY_PROFESSIONAL,
    PROFESSIONAL_LEFT
}
