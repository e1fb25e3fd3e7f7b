package org.opendsr.risk.tools.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.ports.Locks;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.risk.tools.adapters.definitions.SchemaCheckedToolDocuments;
import org.opendsr.risk.tools.application.PublishingTools.Loaded;
import org.opendsr.risk.tools.domain.PublishedTool;

/** Publishing tools without a database: versions are immutable, areas claimed once, shipped files loaded once. */
class PublishingToolsTest {

    private static final Caller LEAD = new Caller("lead-1", Set.of(DsrRoles.DSR_LEAD), null, null, null);
    private static final Caller PROFESSIONAL = new Caller("pro-1", Set.of(DsrRoles.PROFESSIONAL), null, null, null);

    private final InMemoryToolVersions versions = new InMemoryToolVersions();
    /** What was audited: the version published and who by. */
    private final List<String> audited = new ArrayList<>();
    private final PublishingTools publishing = new PublishingTools(new SchemaCheckedToolDocuments(), versions,
            new NoLocks(), (tool, caller) -> audited.add(tool.toolId() + " v" + tool.version() + " by "
                    + caller.userId()), Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC));

    static String shipped(String name) {
        try (InputStream in = PublishingToolsTest.class.getClassLoader()
                .getResourceAsStream("dsr/rating-tools/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final String DEFAULT_V1 = shipped("dsr-12-question.v1.json");
    private static final String WILTSHIRE_V1 = shipped("wiltshire-6-question.v1.json");

    private static String as(String document, String toolId, int version, String areas) {
        return document.replaceFirst("\"toolId\": \"[a-z0-9-]+\"", "\"toolId\": \"" + toolId + "\"")
                .replaceFirst("\"version\": \\d+", "\"version\": " + version)
                .replaceFirst("\"areas\": \\[[^\\]]*\\]", "\"areas\": " + areas);
    }

    @Test
    void shippedFilesAreLoadedOnceWhateverHowOften() {
        assertThat(publishing.loadShipped("dsr-12-question.v1.json", DEFAULT_V1)).isEqualTo(Loaded.PUBLISHED);
        assertThat(publishing.loadShipped("wiltshire-6-question.v1.json", WILTSHIRE_V1)).isEqualTo(Loaded.PUBLISHED);
        assertThat(publishing.loadShipped("dsr-12-question.v1.json", DEFAULT_V1)).isEqualTo(Loaded.ALREADY_PUBLISHED);

        assertThat(versions.published).hasSize(2);
        assertThat(versions.published).extracting(PublishedTool::publishedBy).containsOnly(PublishedTool.SHIPPED);
    }

    @Test
    void anInvalidShippedFileStopsTheStartUp() {
        assertThatThrownBy(() -> publishing.loadShipped("broken.json", "{\"toolId\": \"broken\"}"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("broken.json");
    }

    @Test
    void aLeadPublishesANewVersionThatThenApplies() {
        publishing.loadShipped("dsr-12-question.v1.json", DEFAULT_V1);

        PublishedTool v2 = publishing.publish(as(DEFAULT_V1, "dsr-12-question", 2, "[]"), LEAD);

        assertThat(v2.publishedBy()).isEqualTo("lead-1");
        assertThat(versions.currentVersions()).extracting(PublishedTool::version).containsExactly(2);
    }

    @Test
    void aLeadsPublicationIsAuditedAndARefusedOneIsNot() {
        publishing.loadShipped("dsr-12-question.v1.json", DEFAULT_V1);
        assertThat(audited).as("a shipped file is published by risk-service at start-up, not by a lead").isEmpty();

        publishing.publish(as(DEFAULT_V1, "dsr-12-question", 2, "[]"), LEAD);
        assertThatThrownBy(() -> publishing.publish(as(DEFAULT_V1, "dsr-12-question", 2, "[]"), LEAD))
                .isInstanceOf(RuleBroken.class);

        assertThat(audited).containsExactly("dsr-12-question v2 by lead-1");
    }

    @Test
    void aTextWithANulIsRefusedNamingItsFieldBeforeAnythingIsStored() {
        // The JSON escape for U+0000 (a NUL once parsed) at the start of the first question's text.
        int at = DEFAULT_V1.indexOf("\"text\": \"") + "\"text\": \"".length();
        String nul = DEFAULT_V1.substring(0, at) + "\\" + "u0000" + DEFAULT_V1.substring(at);

        assertThatThrownBy(() -> publishing.publish(nul, LEAD)).isInstanceOfSatisfying(RuleBroken.class, refused -> {
            assertThat(refused.kind()).isEqualTo(RuleBroken.Kind.INVALID_REQUEST);
            assertThat(refused.field()).isEqualTo("questions[0].text");
        });
        assertThat(versions.published).isEmpty();
        assertThat(audited).isEmpty();
    }

    @Test
    void aPublishedVersionNeverChanges() {
        publishing.loadShipped("dsr-12-question.v1.json", DEFAULT_V1);
        publishing.publish(as(DEFAULT_V1, "dsr-12-question", 3, "[]"), LEAD);

        assertConflict(() -> publishing.publish(as(DEFAULT_V1, "dsr-12-question", 3, "[]"), LEAD),
                "tool-version-exists", "version");
        assertConflict(() -> publishing.publish(as(DEFAULT_V1, "dsr-12-question", 2, "[]"), LEAD),
                "tool-version-not-newest", "version");
    }

    @Test
    void anAreaUsesOneToolAndThereIsOneDefault() {
        publishing.loadShipped("dsr-12-question.v1.json", DEFAULT_V1);
        publishing.loadShipped("wiltshire-6-question.v1.json", WILTSHIRE_V1);

        assertConflict(() -> publishing.publish(as(WILTSHIRE_V1, "swindon-tool", 1, "[\"SWINDON\", \"WILTSHIRE\"]"),
                LEAD), "tool-area-claimed", "areas");
        assertConflict(() -> publishing.publish(as(WILTSHIRE_V1, "another-default", 1, "[]"), LEAD),
                "tool-area-claimed", "areas");
        // Once Wiltshire's tool no longer lists it, another tool may.
        publishing.publish(as(WILTSHIRE_V1, "wiltshire-6-question", 2, "[\"WILTS-NORTH\"]"), LEAD);
        publishing.publish(as(WILTSHIRE_V1, "swindon-tool", 1, "[\"SWINDON\", \"WILTSHIRE\"]"), LEAD);
    }

    @Test
    void aBadDefinitionIsRefusedNamingTheField() {
        assertThatThrownBy(() -> publishing.publish(DEFAULT_V1.replace("\"minScore\": 8", "\"minScore\": 30"), LEAD))
                .isInstanceOfSatisfying(RuleBroken.class,
                        refused -> assertThat(refused.field()).isEqualTo("suggestionRules.thresholds[1].minScore"));
        assertThat(versions.published).isEmpty();
    }

    @Test
    void onlyALeadPublishes() {
        assertThatThrownBy(() -> publishing.publish(DEFAULT_V1, PROFESSIONAL))
                .isInstanceOfSatisfying(RuleBroken.class,
                        refused -> assertThat(refused.kind()).isEqualTo(RuleBroken.Kind.FORBIDDEN));
        assertThat(versions.published).isEmpty();
    }

    private static void assertConflict(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String problem,
                                       String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(RuleBroken.class, refused -> {
            assertThat(refused.kind()).isEqualTo(RuleBroken.Kind.CONFLICT);
            assertThat(refused.problem()).isEqualTo(problem);
            assertThat(refused.field()).isEqualTo(field);
        });
    }

    /** One publisher in a unit test: nothing to wait for. */
    private static final class NoLocks implements Locks {
        @Override
        public void lock(String name) {
        }

        @Override
        public boolean tryLock(String name) {
            return true;
        }
    }
}
