package org.opendsr.risk.tools.application;

import org.opendsr.kit.access.Caller;
import org.opendsr.risk.tools.domain.PublishedTool;

/**
 * The audit trail of the rating tools (a port): a tool a lead publishes changes what every professional is shown and
 * suggested, so who published which version is recorded with the kit's audit, as every change is.
 */
@FunctionalInterface
public interface ToolAudit {

    /** A lead published this version; in the caller's transaction (there must be one). No person is concerned. */
    void published(PublishedTool tool, Caller caller);
}
