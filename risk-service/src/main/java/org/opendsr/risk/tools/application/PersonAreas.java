package org.opendsr.risk.tools.application;

import java.util.Optional;
import java.util.UUID;

/** The area a person's care team belongs to (the kit's care teams), which decides the rating tool used for them. */
public interface PersonAreas {

    Optional<String> areaOf(UUID personId);
}
