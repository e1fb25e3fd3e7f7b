package org.opendsr.risk.updates.application;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import org.opendsr.contracts.common.RagRating;

/**
 * A line of the overdue-updates worklist.
 *
 * @param dueOn                    the date the update was due and missed
 * @param area                     the person's area, or null when not known
 * @param responsibleProfessionals the subjects of their current responsible professional(s)
 */
public record OverdueUpdate(UUID personId, RagRating rating, LocalDate dueOn, @Nullable String area,
                            List<String> responsibleProfessionals) {
}
