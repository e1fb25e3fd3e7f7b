package org.opendsr.risk.tools.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A version of a rating tool as published: never changed afterwards (a change is a new version), so that an
 * assessment can always be read against the exact questions it answered.
 *
 * @param publishedBy the lead's user id, or {@link #SHIPPED} for a definition shipped with risk-service
 */
public record PublishedTool(ToolDefinition definition, Instant publishedAt, String publishedBy) {

    /** Who published a definition that risk-service ships as a file and loads at start-up. */
    public static final String SHIPPED = "risk-service";

    public PublishedTool {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(publishedAt, "publishedAt");
        Objects.requireNonNull(publishedBy, "publishedBy");
    }

    public String toolId() {
        return definition.toolId();
    }

    public int version() {
        return definition.version();
    }
}
