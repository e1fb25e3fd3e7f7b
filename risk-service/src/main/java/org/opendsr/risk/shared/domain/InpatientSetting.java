package org.opendsr.risk.shared.domain;

/**
 * Where an inpatient is (placeholder until risk-base provides it; the lead's version wins on merge).
 * Unknown is null.
 */
public enum InpatientSetting {
    MENTAL_HEALTH_HOSPITAL, SECURE
}
