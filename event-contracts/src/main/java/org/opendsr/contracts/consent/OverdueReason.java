package org.opendsr.contracts.consent;

import io.micronaut.serde.annotation.Serdeable;

/** Why renewal became overdue: the yearly anniversary, or the person turned 18 (consent given for a child or by parental responsibility). */
@Serdeable
public enum OverdueReason {
    ANNUAL_RENEWAL,
    TURNED_18
}
