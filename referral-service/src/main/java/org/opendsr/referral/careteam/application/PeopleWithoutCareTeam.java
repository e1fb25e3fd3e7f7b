package org.opendsr.referral.careteam.application;

import java.util.List;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;

/** People recorded before care teams were kept here (issue 11), whose team the kit does not hold yet. */
public interface PeopleWithoutCareTeam {

    /** Up to {@code limit} of them, by id, after the given one. */
    List<UUID> after(@Nullable UUID after, int limit);
}
