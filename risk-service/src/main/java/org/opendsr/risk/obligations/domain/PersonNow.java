package org.opendsr.risk.obligations.domain;

import org.opendsr.contracts.common.LifeStage;
import org.opendsr.contracts.common.RagRating;
import org.opendsr.risk.shared.domain.InpatientSetting;

/**
 * The person as they are when an obligation closes: decides whether the next inpatient C(E)TR or oversight visit
 * opens (only while they are BLUE) and when it is due.
 *
 * @param rating  the current rating, or null when unrated or off the register
 * @param setting where an inpatient is, or null when unknown
 */
public record PersonNow(RagRating rating, LifeStage lifeStage, InpatientSetting setting) {

    boolean isInpatient() {
        return rating == RagRating.BLUE && lifeStage != null;
    }
}
