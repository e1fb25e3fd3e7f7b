package org.opendsr.risk.rating.adapters.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.opendsr.risk.shared.domain.InpatientSetting;

/** Where an inpatient is: a secure setting's inpatient C(E)TR is 12-monthly. */
@Serdeable
public record InpatientSettingRequest(@Nullable InpatientSetting setting) {
}
