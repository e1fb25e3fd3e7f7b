package org.opendsr.kit.subjectaccess;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What one service holds about a person, for their subject access export (a port: each service's persistence adapter
 * reads its own tables). Sections in the order they are best read; every section the service has is present, empty
 * when nothing is held in it, so the requester sees what was looked at.
 */
public interface PersonHoldings {

    Map<String, List<Map<String, Object>>> about(UUID personId);

    /** What {@link #about} leaves out or replaces, and why: the same for every person. */
    List<SubjectAccessPart.Redaction> redactions();
}
