package org.opendsr.risk.tools.domain;

import java.util.List;
import java.util.Optional;

import org.opendsr.kit.rules.RuleBroken;

/**
 * Which tool is used where. Only each tool's current (newest) version counts: a tool claims the areas its newest
 * version lists, and the default tool (no areas) is used wherever no tool claims the person's area. At most one tool
 * claims an area, and at most one is the default, so the choice is never ambiguous; a lead moves an area from one
 * tool to another by first publishing a version of the old tool without it.
 */
public final class ToolChoice {

    private ToolChoice() {
    }

    /**
     * The tool for a person in {@code area} (null when their area is not known: the default), among the current
     * versions of all tools.
     */
    public static Optional<ToolDefinition> forArea(List<ToolDefinition> currentVersions, String area) {
        if (area != null) {
            Optional<ToolDefinition> claiming = currentVersions.stream().filter(tool -> tool.claims(area)).findFirst();
            if (claiming.isPresent()) {
                return claiming;
            }
        }
        return currentVersions.stream().filter(ToolDefinition::isDefault).findFirst();
    }

    /**
     * Refuses a new version whose areas another tool's current version already claims (409 naming {@code areas}), or
     * a second default tool.
     */
    public static void checkClaims(ToolDefinition candidate, List<ToolDefinition> currentVersions) {
        for (ToolDefinition other : currentVersions) {
            if (other.toolId().equals(candidate.toolId())) {
                continue;
            }
            if (candidate.isDefault() && other.isDefault()) {
                throw RuleBroken.conflict("tool-area-claimed", "Another tool is used there",
                        "areas", "tool " + other.toolId() + " is already the default tool (no areas); list the areas "
                                + "this tool is for, or publish a new version of " + other.toolId());
            }
            for (String area : candidate.areas()) {
                if (other.claims(area)) {
                    throw RuleBroken.conflict("tool-area-claimed", "Another tool is used there", "areas",
                            "area " + area + " already uses tool " + other.toolId()
                                    + "; publish a version of it without " + area + " first");
                }
            }
        }
    }
}
