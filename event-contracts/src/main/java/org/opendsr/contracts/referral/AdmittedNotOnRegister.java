package org.opendsr.contracts.referral;

import java.time.LocalDate;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.opendsr.contracts.common.AgeBand;
import org.opendsr.contracts.common.LifeStage;

/**
 * An agency reported the admission of someone who was not on the register: either nobody the DSR holds with that NHS
 * number and date of birth, or someone known without an open register entry. Anonymous: no personId, no NHS number,
 * no date of birth; the age band and life stage are at admission, worked out from the date of birth the agency sent.
 * The locality is the person's recorded one when the DSR knows them, else the reporting agency's configured area, else
 * null. The report itself waits on the DSR team's worklist in referral-service, where the personal data stays.
 *
 * <p>{@code dsr.register.admitted-not-on-register.v1} on {@code dsr.referral.events}, keyed by reportId (also the
 * subject): there is no person to key it by.
 */
@Serdeable
public record AdmittedNotOnRegister(
        UUID reportId,
        LocalDate admittedOn,
        @Nullable String locality,
        AgeBand ageBand,
        LifeStage lifeStage,
        String reportedBy) {
}
