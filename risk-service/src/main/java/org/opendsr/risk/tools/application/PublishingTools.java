package org.opendsr.risk.tools.application;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.ports.Locks;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.risk.tools.domain.PublishedTool;
import org.opendsr.risk.tools.domain.ToolChoice;
import org.opendsr.risk.tools.domain.ToolDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes rating tools: a lead's new tool or new version, and the definitions risk-service ships as files (loaded
 * at start-up). Both are checked the same way (the JSON Schema, then the domain). A published version is immutable:
 * publishing an existing toolId and version again is refused (409), and a file already loaded is left as it is, so
 * loading is idempotent and a new file is a new version without a code change. A lead's publication is audited
 * (action PUBLISHED, what "rating tool &lt;toolId&gt; v&lt;version&gt;", no person).
 */
@Singleton
public class PublishingTools {

    private static final Logger LOG = LoggerFactory.getLogger(PublishingTools.class);
    /** One publisher at a time, so that two tools never claim the same area at once. */
    static final String CATALOGUE_LOCK = "risk.rating-tools";

    /** What loading a shipped definition did. */
    public enum Loaded {
        /** Published now. */
        PUBLISHED,
        /** That toolId and version were published before (by an earlier start-up or a lead): left as they are. */
        ALREADY_PUBLISHED,
        /** Not published: a lead's tool now claims its areas (or is the default); see the log. */
        SKIPPED_AREA_CLAIMED
    }

    private final ToolDocuments documents;
    private final ToolVersions versions;
    private final Locks locks;
    private final ToolAudit audit;
    private final Clock clock;

    public PublishingTools(ToolDocuments documents, ToolVersions versions, Locks locks, ToolAudit audit,
                           Clock clock) {
        this.documents = documents;
        this.versions = versions;
        this.locks = locks;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A lead publishes a new tool (version 1 or any first version) or a newer version of one. Refused: a document that
     * is not a valid definition (400 naming the field), an existing version or one older than the newest (409 naming
     * {@code version}), areas that another tool's current version claims (409 naming {@code areas}).
     */
    @Transactional
    public PublishedTool publish(String document, Caller caller) {
        // The web edge lets only leads in; said again here because a tool changes what every professional is shown.
        if (!caller.hasRole(DsrRoles.DSR_LEAD)) {
            throw RuleBroken.forbidden("only a DSR lead publishes rating tools");
        }
        ToolDefinition tool = documents.read(document);
        locks.lock(CATALOGUE_LOCK);
        if (versions.find(tool.toolId(), tool.version()).isPresent()) {
            throw RuleBroken.conflict("tool-version-exists", "This version is published already", "version",
                    tool.toolId() + " version " + tool.version() + " is published and never changes; publish version "
                            + (newestVersion(tool.toolId()) + 1));
        }
        int newest = newestVersion(tool.toolId());
        if (tool.version() < newest) {
            throw RuleBroken.conflict("tool-version-not-newest", "A newer version is published", "version",
                    tool.toolId() + " is at version " + newest + "; publish version " + (newest + 1));
        }
        ToolChoice.checkClaims(tool, currentDefinitions());
        PublishedTool published = new PublishedTool(tool, clock.instant(), caller.userId());
        if (!versions.add(published)) {
            throw RuleBroken.conflict("tool-version-exists", "This version is published already", "version",
                    tool.toolId() + " version " + tool.version() + " is published and never changes");
        }
        // On the audit trail in the same transaction: who published which version, for which areas.
        audit.published(published, caller);
        LOG.info("Rating tool {} version {} published by a lead", tool.toolId(), tool.version());
        return published;
    }

    /**
     * Loads a definition shipped as a file. A file that is not a valid definition fails the start-up (the shipped
     * files are tested). Published unless that toolId and version are; a version older than the newest is kept as
     * history; a newest version whose areas a lead has since given to another tool is skipped (logged), as the lead's
     * choice wins over what was shipped.
     */
    @Transactional
    public Loaded loadShipped(String name, String document) {
        ToolDefinition tool;
        try {
            tool = documents.read(document);
        } catch (RuleBroken refused) {
            throw new IllegalStateException("Shipped rating tool " + name + " is not a valid definition ("
                    + refused.field() + "): " + refused.getMessage(), refused);
        }
        locks.lock(CATALOGUE_LOCK);
        Optional<PublishedTool> existing = versions.find(tool.toolId(), tool.version());
        if (existing.isPresent()) {
            if (!existing.get().definition().equals(tool)) {
                LOG.warn("Shipped rating tool {} differs from the published {} version {}, which never changes: "
                        + "ship it as a new version", name, tool.toolId(), tool.version());
            }
            return Loaded.ALREADY_PUBLISHED;
        }
        if (tool.version() > newestVersion(tool.toolId())) {
            try {
                ToolChoice.checkClaims(tool, currentDefinitions());
            } catch (RuleBroken claimed) {
                LOG.warn("Shipped rating tool {} not published: {}", name, claimed.getMessage());
                return Loaded.SKIPPED_AREA_CLAIMED;
            }
        }
        versions.add(new PublishedTool(tool, clock.instant(), PublishedTool.SHIPPED));
        LOG.info("Shipped rating tool {} version {} published", tool.toolId(), tool.version());
        return Loaded.PUBLISHED;
    }

    private int newestVersion(String toolId) {
        return versions.versionsOf(toolId).stream().mapToInt(PublishedTool::version).max().orElse(0);
    }

    private List<ToolDefinition> currentDefinitions() {
        return versions.currentVersions().stream().map(PublishedTool::definition).toList();
    }
}
