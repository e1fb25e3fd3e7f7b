package org.opendsr.risk.shared.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.opendsr.contracts.common.RagRating;

/** A person's current rating and since when. */
public record CurrentRating(UUID personId, RagRating rating, Instant since, LocalDate sinceOn) {
}
