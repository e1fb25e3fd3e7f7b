package org.opendsr.risk.tools.adapters.definitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opendsr.kit.ports.Locks;
import org.opendsr.risk.tools.application.InMemoryToolVersions;
import org.opendsr.risk.tools.application.PublishingTools;
import org.opendsr.risk.tools.application.PublishingTools.Loaded;
import org.opendsr.risk.tools.domain.PublishedTool;

/** A new file is a new version, without a code change; loading again publishes nothing twice. */
class ShippedToolFilesTest {

    private final InMemoryToolVersions versions = new InMemoryToolVersions();
    private final PublishingTools publishing = new PublishingTools(new SchemaCheckedToolDocuments(), versions,
            new Locks() {
                @Override
                public void lock(String name) {
                }

                @Override
                public boolean tryLock(String name) {
                    return true;
                }
            }, (tool, caller) -> {
            }, Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC));

    @Test
    void theShippedFilesAreLoadedOnce() {
        ShippedToolFiles files = new ShippedToolFiles(publishing, null);

        assertThat(files.load()).isEqualTo(Map.of(Loaded.PUBLISHED, 2));
        assertThat(files.load()).isEqualTo(Map.of(Loaded.ALREADY_PUBLISHED, 2));
        assertThat(versions.published).extracting(PublishedTool::toolId)
                .containsExactlyInAnyOrder("dsr-12-question", "wiltshire-6-question");
    }

    @Test
    void aFileDroppedInTheConfiguredFolderIsANewVersion(@TempDir Path folder) throws IOException {
        String v2 = RatingToolDocumentsTest.shipped("wiltshire-6-question.v1.json")
                .replaceFirst("\"version\": 1", "\"version\": 2")
                .replace("Wiltshire 6-question rating tool", "Wiltshire 6-question rating tool, second edition");
        Files.writeString(folder.resolve("wiltshire-6-question.v2.json"), v2, StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("notes.txt"), "not a definition", StandardCharsets.UTF_8);
        ShippedToolFiles files = new ShippedToolFiles(publishing, folder.toString());

        assertThat(files.load()).isEqualTo(Map.of(Loaded.PUBLISHED, 3));
        assertThat(versions.currentVersions()).filteredOn(tool -> tool.toolId().equals("wiltshire-6-question"))
                .extracting(PublishedTool::version).containsExactly(2);
        assertThat(files.load()).isEqualTo(Map.of(Loaded.ALREADY_PUBLISHED, 3));
    }

    @Test
    void anInvalidFileStopsTheStartUpNamingIt(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("broken.v1.json"), "{\"toolId\": \"broken\", \"version\": 1}",
                StandardCharsets.UTF_8);
        ShippedToolFiles files = new ShippedToolFiles(publishing, folder.toString());

        assertThatThrownBy(files::load).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("broken.v1.json");
    }
}
