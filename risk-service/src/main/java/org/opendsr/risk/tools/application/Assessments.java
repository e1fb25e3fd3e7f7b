package org.opendsr.risk.tools.application;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.opendsr.risk.tools.domain.Assessment;

/** The assessments made with rating tools, per person. */
public interface Assessments {

    void add(Assessment assessment);

    Optional<Assessment> find(UUID personId, UUID assessmentId);

    /** The person's assessments, newest first. */
    List<Assessment> of(UUID personId);
}
