package org.opendsr.referral.register.adapters.web;

import java.time.LocalDate;

import io.micronaut.serde.annotation.Serdeable;
import org.opendsr.referral.register.application.NoticingEighteenthBirthdays;
import org.opendsr.referral.register.application.NoticingSixteenthBirthdays;

/**
 * What a run of the age milestones did: how many people were announced as turning 18 this month, and as having turned
 * 16 (the Mental Capacity Act applies from then). {@code ranHere} is false when another replica held the check.
 */
@Serdeable
public record AgeMilestonesRun(LocalDate checkedOn, boolean ranHere, int turning18, int turned16) {

    static AgeMilestonesRun of(NoticingEighteenthBirthdays.Run eighteenth, NoticingSixteenthBirthdays.Run sixteenth) {
        return new AgeMilestonesRun(eighteenth.checkedOn(), eighteenth.ranHere() || sixteenth.ranHere(),
                eighteenth.turning18(), sixteenth.turned16());
    }
}
