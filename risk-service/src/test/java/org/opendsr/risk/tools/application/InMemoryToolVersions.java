package org.opendsr.risk.tools.application;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.opendsr.risk.tools.domain.PublishedTool;

/** {@link ToolVersions} in memory, for use-case tests without a database. */
public final class InMemoryToolVersions implements ToolVersions {

    public final List<PublishedTool> published = new ArrayList<>();

    @Override
    public Optional<PublishedTool> find(String toolId, int version) {
        return published.stream().filter(tool -> tool.toolId().equals(toolId) && tool.version() == version).findFirst();
    }

    @Override
    public List<PublishedTool> versionsOf(String toolId) {
        return published.stream().filter(tool -> tool.toolId().equals(toolId))
                .sorted(Comparator.comparingInt(PublishedTool::version).reversed()).toList();
    }

    @Override
    public List<PublishedTool> currentVersions() {
        Map<String, Optional<PublishedTool>> newest = published.stream().collect(Collectors.groupingBy(
                PublishedTool::toolId, Collectors.maxBy(Comparator.comparingInt(PublishedTool::version))));
        return newest.values().stream().map(Optional::orElseThrow).toList();
    }

    @Override
    public boolean add(PublishedTool tool) {
        if (find(tool.toolId(), tool.version()).isPresent()) {
            return false;
        }
        published.add(tool);
        return true;
    }
}
