package org.opendsr.contracts.meeting;

import io.micronaut.serde.annotation.Serdeable;

/**
 * Why a recommended service was not provided: the shape of a service gap, for reporting (no free text on topics).
 */
@Serdeable
public enum UnmetReason {
    NO_SERVICE_AVAILABLE, WAITING_LIST, NOT_COMMISSIONED, NO_CAPACITY, DECLINED_BY_PERSON, OTHER
}
