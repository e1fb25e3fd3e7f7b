package org.opendsr.risk.shared.application;

import io.micronaut.core.annotation.Nullable;
import org.opendsr.contracts.common.LifeStage;
import org.opendsr.risk.shared.domain.InpatientSetting;

/**
 * What risk-service knows about a person that sets their obligations and cadences: child or adult (C(E)TR or CTR,
 * 6- or 8-weekly visits), whether under 25 (keyworker service), and, while an inpatient, the setting. No personal
 * data: these come from referral-service's events as bands.
 */
public record PersonFacts(LifeStage lifeStage, boolean under25, @Nullable InpatientSetting setting) {
}
