package org.opendsr.risk.tools.application;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.risk.shared.application.RiskAccess;
import org.opendsr.risk.tools.domain.PublishedTool;
import org.opendsr.risk.tools.domain.ToolChoice;

/**
 * Reads rating tools. Tool definitions are not personal data: any professional, DSR team member or lead reads them
 * (the web edge keeps analysts, admins and agency systems out). Which tool applies to a person is about the person, so
 * it is read with their need-to-know and audited.
 */
@Singleton
public class ReadingTools {

    private final ToolVersions versions;
    private final ToolDocuments documents;
    private final PersonAreas areas;
    private final RiskAccess access;

    public ReadingTools(ToolVersions versions, ToolDocuments documents, PersonAreas areas, RiskAccess access) {
        this.versions = versions;
        this.documents = documents;
        this.areas = areas;
        this.access = access;
    }

    /** The current (newest) version of every tool, by toolId. */
    @Transactional(readOnly = true)
    public List<PublishedTool> currentTools() {
        return versions.currentVersions().stream().sorted(Comparator.comparing(PublishedTool::toolId)).toList();
    }

    /** A tool's versions, newest first; 404 for an unknown tool. */
    @Transactional(readOnly = true)
    public List<PublishedTool> versionsOf(String toolId) {
        List<PublishedTool> all = versions.versionsOf(toolId);
        if (all.isEmpty()) {
            throw RuleBroken.notFound("Rating tool");
        }
        return all;
    }

    @Transactional(readOnly = true)
    public PublishedTool version(String toolId, int version) {
        return versions.find(toolId, version).orElseThrow(() -> RuleBroken.notFound("Rating tool version"));
    }

    public String schema() {
        return documents.schema();
    }

    /**
     * The tool for a person: the current version of the tool that claims their care team's area, else the default
     * tool. For those who may read the person (404 for anyone else); audited.
     */
    @Transactional(readOnly = true)
    public PublishedTool toolFor(UUID personId, Caller caller) {
        access.read(personId, caller, "rating tool for the person");
        String area = areas.areaOf(personId).orElse(null);
        List<PublishedTool> current = versions.currentVersions();
        return ToolChoice.forArea(current.stream().map(PublishedTool::definition).toList(), area)
                .flatMap(tool -> current.stream().filter(published -> published.definition() == tool).findFirst())
                .orElseThrow(() -> RuleBroken.notFound("Rating tool for the person's area"));
    }
}
