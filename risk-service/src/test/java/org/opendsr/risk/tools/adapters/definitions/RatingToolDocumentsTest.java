package org.opendsr.risk.tools.adapters.definitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.opendsr.contracts.common.RagRating;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.risk.tools.domain.Suggestion;
import org.opendsr.risk.tools.domain.ToolDefinition;

/**
 * The shipped tools and the JSON Schema: the 12-question default tool with DOMAIN.md's four key questions, an area's
 * own tool that differs, and bad definitions refused naming the field (the schema's or the domain's).
 */
class RatingToolDocumentsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final SchemaCheckedToolDocuments documents = new SchemaCheckedToolDocuments();

    static String shipped(String name) {
        try (InputStream in = RatingToolDocumentsTest.class.getClassLoader()
                .getResourceAsStream("dsr/rating-tools/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ToolDefinition defaultTool() {
        return documents.read(shipped("dsr-12-question.v1.json"));
    }

    private ToolDefinition wiltshireTool() {
        return documents.read(shipped("wiltshire-6-question.v1.json"));
    }

    private static Map<String, String> all(ToolDefinition tool, String optionId) {
        Map<String, String> answers = new LinkedHashMap<>();
        tool.questions().forEach(question -> answers.put(question.id(), optionId));
        return answers;
    }

    @Test
    void theDefaultToolHasTwelveQuestionsAndTheFourKeyQuestions() {
        ToolDefinition tool = defaultTool();

        assertThat(tool.isDefault()).isTrue();
        assertThat(tool.questions()).hasSize(12);
        assertThat(tool.questions().stream().filter(q -> q.key()).map(q -> q.id()))
                .containsExactly("mental-health", "behaviour", "environment", "crisis-ae");
        assertThat(tool.suggestionRules().allKeyQuestionsYes()).isEqualTo(RagRating.RED);
    }

    @Test
    void theFourKeyQuestionsAllYesSuggestRedWithAScoreThatAloneWouldNot() {
        ToolDefinition tool = defaultTool();
        Map<String, String> answers = all(tool, "no");
        answers.putAll(Map.of("mental-health", "yes", "behaviour", "yes", "environment", "yes", "crisis-ae", "yes"));

        Suggestion suggestion = tool.assess(answers);

        assertThat(suggestion.keyQuestionsAllYes()).isTrue();
        assertThat(tool.suggestionRules().suggest(suggestion.score(), false)).isEqualTo(RagRating.AMBER);
        assertThat(suggestion.suggestedRating()).isEqualTo(RagRating.RED);
    }

    @Test
    void theWiltshireToolDiffersFromTheDefault() {
        ToolDefinition wiltshire = wiltshireTool();
        ToolDefinition byDefault = defaultTool();

        assertThat(wiltshire.areas()).containsExactly("WILTSHIRE");
        assertThat(wiltshire.questions()).hasSize(6);
        // Two key questions there: both yes suggest RED, where the default tool needs four.
        Map<String, String> answers = all(wiltshire, "no");
        answers.putAll(Map.of("mental-health-crisis", "yes", "home-unstable", "yes"));
        assertThat(wiltshire.assess(answers).suggestedRating()).isEqualTo(RagRating.RED);
        // The default tool's answers do not fit it.
        assertThatThrownBy(() -> wiltshire.assess(all(byDefault, "no")))
                .isInstanceOfSatisfying(RuleBroken.class, refusal -> assertThat(refusal.field()).startsWith("answers."));
        // Nothing answered yes: GREEN in both.
        assertThat(wiltshire.assess(all(wiltshire, "no")).suggestedRating()).isEqualTo(RagRating.GREEN);
        assertThat(byDefault.assess(all(byDefault, "no")).suggestedRating()).isEqualTo(RagRating.GREEN);
    }

    @Test
    void whatIsWrittenReadsBackTheSame() {
        ToolDefinition tool = defaultTool();

        assertThat(documents.read(documents.write(tool))).isEqualTo(tool);
        assertThat(documents.read(documents.write(wiltshireTool()))).isEqualTo(wiltshireTool());
    }

    static java.util.stream.Stream<Arguments> badDefinitions() {
        return java.util.stream.Stream.of(
                bad("questions[3].options", d -> ((ArrayNode) questions(d).get(3).get("options")).removeAll()),
                bad("title", d -> d.remove("title")),
                bad("toolId", d -> d.put("toolId", "Not_Kebab")),
                bad("version", d -> d.put("version", 0)),
                bad("colour", d -> d.put("colour", "red")),
                bad("questions[0].options[0].score", d -> option(d, 0, 0).put("score", -1)),
                bad("questions[2].text", d -> ((ObjectNode) questions(d).get(2)).remove("text")),
                bad("suggestionRules.thresholds[2].rating",
                        d -> threshold(d, 2).put("rating", "BLUE")),
                bad("suggestionRules.allKeyQuestionsYes", d -> rules(d).put("allKeyQuestionsYes", "BLUE")),
                // The domain's checks, past the schema:
                bad("questions[5].id", d -> ((ObjectNode) questions(d).get(5)).put("id", "mental-health")),
                bad("questions[1].options", d -> option(d, 1, 0).put("keyAnswer", false)),
                bad("questions[4].options[0].keyAnswer", d -> option(d, 4, 0).put("keyAnswer", true)),
                bad("suggestionRules.thresholds[2].minScore",
                        d -> threshold(d, 2).put("minScore", 8)),
                bad("suggestionRules.thresholds[2].minScore",
                        d -> threshold(d, 2).put("minScore", 29)),
                bad("suggestionRules.allKeyQuestionsYes", d -> rules(d).remove("allKeyQuestionsYes")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badDefinitions")
    void aBadDefinitionIsRefusedNamingTheField(String field, Consumer<ObjectNode> spoil) throws Exception {
        ObjectNode definition = (ObjectNode) JSON.readTree(shipped("dsr-12-question.v1.json"));
        spoil.accept(definition);

        assertThatThrownBy(() -> documents.read(JSON.writeValueAsString(definition)))
                .isInstanceOfSatisfying(RuleBroken.class, refusal -> {
                    assertThat(refusal.kind()).isEqualTo(RuleBroken.Kind.INVALID_REQUEST);
                    assertThat(refusal.field()).isEqualTo(field);
                });
    }

    @Test
    void somethingThatIsNotJsonIsRefusedNamingTheBody() {
        assertThatThrownBy(() -> documents.read("{\"toolId\": "))
                .isInstanceOfSatisfying(RuleBroken.class, refusal -> assertThat(refusal.field()).isEqualTo("body"));
        assertThatThrownBy(() -> documents.read("[]"))
                .isInstanceOfSatisfying(RuleBroken.class, refusal -> assertThat(refusal.field()).isEqualTo("body"));
    }

    private static Arguments bad(String field, Consumer<ObjectNode> spoil) {
        return Arguments.of(field, spoil);
    }

    private static ObjectNode rules(ObjectNode definition) {
        return (ObjectNode) definition.get("suggestionRules");
    }

    private static ObjectNode threshold(ObjectNode definition, int index) {
        return (ObjectNode) rules(definition).get("thresholds").get(index);
    }

    private static ArrayNode questions(ObjectNode definition) {
        return (ArrayNode) definition.get("questions");
    }

    private static ObjectNode option(ObjectNode definition, int question, int option) {
        return (ObjectNode) questions(definition).get(question).get("options").get(option);
    }
}
