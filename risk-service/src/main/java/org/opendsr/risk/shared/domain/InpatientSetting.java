package org.opendsr.risk.shared.domain;

/**
 * Where an inpatient is. It sets how often their inpatient C(E)TR falls due: a secure (forensic) setting is reviewed
 * 12-monthly, other mental health hospitals 3-monthly for a child and 6-monthly for an adult (NHS England, DSR and
 * C(E)TR policy and guide, 2023). Unknown until someone records it, and then reviewed as not secure (the more often).
 */
public enum InpatientSetting {
    MENTAL_HEALTH_HOSPITAL, SECURE
}
