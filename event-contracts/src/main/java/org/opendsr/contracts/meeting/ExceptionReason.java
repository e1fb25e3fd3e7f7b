package org.opendsr.contracts.meeting;

import io.micronaut.serde.annotation.Serdeable;

/**
 * Why a Meeting by Exception was asked for (DOMAIN.md "Meetings"): no key local learning disability and autism
 * service is involved, the services involved disagree, or another reason (its text stays in meeting-service).
 */
@Serdeable
public enum ExceptionReason {
    NO_KEY_LOCAL_SERVICE, SERVICES_DISAGREE, OTHER
}
