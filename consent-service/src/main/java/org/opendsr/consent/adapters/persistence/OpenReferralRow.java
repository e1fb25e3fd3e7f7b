package org.opendsr.consent.adapters.persistence;

import java.util.UUID;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A row of {@code known_person_open_referral}: a referral awaiting an outcome. */
@MappedEntity("known_person_open_referral")
public record OpenReferralRow(@Id UUID referralId, UUID personId) {
}
