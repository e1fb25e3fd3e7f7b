package org.opendsr.risk.tools.adapters.persistence;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;
import org.opendsr.kit.access.Caller;
import org.opendsr.risk.shared.application.RiskAccess;
import org.opendsr.risk.tools.application.ToolAudit;
import org.opendsr.risk.tools.domain.PublishedTool;

/** Tool publications on risk-service's audit trail ({@code dsr_kit.audit_entry}), through the shared RiskAccess. */
@Singleton
public class AuditedToolPublications implements ToolAudit {

    /** The action of a published version on the audit trail. */
    public static final String PUBLISHED = "PUBLISHED";

    private final RiskAccess access;

    public AuditedToolPublications(RiskAccess access) {
        this.access = access;
    }

    @Override
    public void published(PublishedTool tool, Caller caller) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("toolId", tool.toolId());
        values.put("version", tool.version());
        values.put("areas", List.copyOf(tool.definition().areas()));
        // No person: a tool is the same for everyone it is used for.
        access.audited(caller, null, PUBLISHED, "rating tool " + tool.toolId() + " v" + tool.version(), null, values);
    }
}
