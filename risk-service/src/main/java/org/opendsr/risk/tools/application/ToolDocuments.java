package org.opendsr.risk.tools.application;

import org.opendsr.risk.tools.domain.ToolDefinition;

/**
 * Rating tool definitions as documents: JSON checked against {@code dsr/rating-tools/rating-tool.schema.json}, then by
 * the domain. The same check for a shipped file, a lead's new version and a stored one.
 */
public interface ToolDocuments {

    /** The definition in a document; refused with {@code RuleBroken.invalid} naming the field if it is not one. */
    ToolDefinition read(String json);

    /** The document of a definition (what is stored and what {@link #read} reads back). */
    String write(ToolDefinition tool);

    /** The JSON Schema every definition is checked against. */
    String schema();
}
