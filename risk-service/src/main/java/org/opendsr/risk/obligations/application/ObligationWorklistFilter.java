package org.opendsr.risk.obligations.application;

import java.util.Set;

import io.micronaut.core.annotation.Nullable;
import org.opendsr.contracts.risk.ObligationKind;
import org.opendsr.risk.obligations.domain.ObligationStatus;

/**
 * Which open obligations a worklist shows.
 *
 * @param statuses open statuses (DUE, BOOKED, OVERDUE); all three when none were asked for
 * @param kind     one kind, or null for every kind
 * @param area     the area of the person's care team, or null for every area the caller sees
 */
public record ObligationWorklistFilter(Set<ObligationStatus> statuses, @Nullable ObligationKind kind,
                                       @Nullable String area) {
}
