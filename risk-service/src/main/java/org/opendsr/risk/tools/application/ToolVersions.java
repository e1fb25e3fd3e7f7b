package org.opendsr.risk.tools.application;

import java.util.List;
import java.util.Optional;

import org.opendsr.risk.tools.domain.PublishedTool;

/** Every published version of every rating tool. A version, once published, is never changed or removed. */
public interface ToolVersions {

    Optional<PublishedTool> find(String toolId, int version);

    /** The tool's versions, newest first; empty for an unknown tool. */
    List<PublishedTool> versionsOf(String toolId);

    /** The newest version of each tool, by toolId. */
    List<PublishedTool> currentVersions();

    /** Publishes a version; false (and nothing written) if that toolId and version exist already. */
    boolean add(PublishedTool tool);
}
