package org.opendsr.risk.updates.application;

import java.util.Optional;
import java.util.UUID;

/** The area a person belongs to, from their care team (a port): it chooses the area's update cadence. */
public interface PersonAreas {

    Optional<String> areaOf(UUID personId);
}
