package org.opendsr.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.opendsr.contracts.common.Areas;

/** Every schema's area/locality pattern is {@link Areas#PATTERN}: services check areas by that one constant. */
class AreasTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The kit's care-team event (issue 11) states its own, older area rule ({@code ^[A-Z][A-Z0-9_]{0,63}$}); its
     * areas come from referral's localities, which follow {@link Areas#PATTERN}. Aligning that released schema is
     * its owners' decision, so it is the one exception here, named.
     */
    private static final Set<String> OWN_AREA_RULE = Set.of(EventTypes.PERSON_CARE_TEAM_CHANGED_V1);

    @Test
    void everySchemasAreaPatternIsTheOneConstant() throws IOException {
        List<String> patterns = new ArrayList<>();
        for (EventContract contract : EventCatalogue.all()) {
            if (OWN_AREA_RULE.contains(contract.type())) {
                continue;
            }
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(contract.schemaResource())) {
                collect(JSON.readTree(in), patterns);
            }
        }
        assertThat(patterns).isNotEmpty().allSatisfy(pattern -> assertThat(pattern).isEqualTo(Areas.PATTERN));
    }

    @Test
    void theConstantSaysWhatTheSchemasSay() {
        assertThat(Areas.isAreaCode("SWINDON")).isTrue();
        assertThat(Areas.isAreaCode("BATH-NE_SOMERSET")).isTrue();
        assertThat(Areas.isAreaCode("A".repeat(41))).isFalse();
        assertThat(Areas.isAreaCode("swindon")).isFalse();
        assertThat(Areas.isAreaCode("")).isFalse();
    }

    private static void collect(JsonNode node, List<String> patterns) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
                if ((field.getKey().equals("area") || field.getKey().equals("locality")) && field.getValue().isObject()
                        && field.getValue().has("pattern")) {
                    patterns.add(field.getValue().get("pattern").asText());
                }
                collect(field.getValue(), patterns);
            }
        } else if (node.isArray()) {
            node.forEach(each -> collect(each, patterns));
        }
    }
}
