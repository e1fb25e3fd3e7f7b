package org.opendsr.risk.tools.adapters.definitions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import jakarta.inject.Singleton;
import org.opendsr.contracts.common.RagRating;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.kit.web.PlainText;
import org.opendsr.risk.tools.application.ToolDocuments;
import org.opendsr.risk.tools.domain.AnswerOption;
import org.opendsr.risk.tools.domain.Question;
import org.opendsr.risk.tools.domain.ScoreThreshold;
import org.opendsr.risk.tools.domain.SuggestionRules;
import org.opendsr.risk.tools.domain.ToolDefinition;

/**
 * Reads and writes rating tool definitions, checking each against the JSON Schema with the library the event
 * contracts use (networknt, draft 2020-12, as {@code EventSchemas}), then handing it to the domain for what a schema
 * cannot say. A refusal names the first bad field as a path into the document ({@code questions[3].options}).
 */
@Singleton
public class SchemaCheckedToolDocuments implements ToolDocuments {

    public static final String SCHEMA_RESOURCE = "dsr/rating-tools/rating-tool.schema.json";
    /** How many schema problems a refusal lists: enough to fix a document in one go, not a wall of text. */
    private static final int PROBLEMS_SHOWN = 5;
    /** Keywords whose problem is about a property named in the message, not the object it sits in. */
    private static final Set<String> PROPERTY_KEYWORDS = Set.of("required", "additionalProperties");

    private final ObjectMapper json = new ObjectMapper();
    private final String schemaText;
    private final JsonSchema schema;

    public SchemaCheckedToolDocuments() {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing schema resource " + SCHEMA_RESOURCE);
            }
            schemaText = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(schemaText, SchemaValidatorsConfig.builder().formatAssertionsEnabled(true)
                        // "$.questions[3].options" in messages, as the fields are named
                        .pathType(PathType.LEGACY).build());
    }

    @Override
    public ToolDefinition read(String document) {
        JsonNode node;
        try {
            node = document == null ? null : json.readTree(document);
        } catch (JsonProcessingException e) {
            // The parser's message quotes the document; a definition is no personal data, but say only where.
            throw RuleBroken.invalid("body", "the definition is not JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")");
        }
        if (node == null || node.isMissingNode() || node.isNull()) {
            throw RuleBroken.invalid("body", "a rating tool definition is required");
        }
        String notPlain = firstNotPlain(node, "");
        if (notPlain != null) {
            // PostgreSQL cannot store a NUL in jsonb (a 500 at the insert), and no other control character is text:
            // the kit's one text rule, applied here because the body is read as a tree, which that rule never sees.
            throw RuleBroken.invalid(notPlain.isEmpty() ? "body" : notPlain, PlainText.REFUSAL);
        }
        List<ValidationMessage> problems = new ArrayList<>(schema.validate(node));
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing(SchemaCheckedToolDocuments::fieldOf)
                    .thenComparing(ValidationMessage::getMessage));
            String detail = problems.stream().limit(PROBLEMS_SHOWN).map(ValidationMessage::getMessage)
                    .collect(Collectors.joining("; "));
            throw RuleBroken.invalid(fieldOf(problems.get(0)), "the definition does not match the rating tool "
                    + "schema (GET /ratings/tools/schema): " + detail);
        }
        return toDefinition(node);
    }

    @Override
    public String write(ToolDefinition tool) {
        ObjectNode root = json.createObjectNode();
        root.put("toolId", tool.toolId());
        root.put("version", tool.version());
        root.put("title", tool.title());
        root.put("description", tool.description());
        ArrayNode areas = root.putArray("areas");
        tool.areas().forEach(areas::add);
        ArrayNode questions = root.putArray("questions");
        for (Question question : tool.questions()) {
            ObjectNode q = questions.addObject();
            q.put("id", question.id());
            q.put("text", question.text());
            q.put("key", question.key());
            ArrayNode options = q.putArray("options");
            for (AnswerOption option : question.options()) {
                ObjectNode o = options.addObject();
                o.put("id", option.id());
                o.put("label", option.label());
                o.put("score", option.score());
                o.put("keyAnswer", option.keyAnswer());
            }
        }
        ObjectNode rules = root.putObject("suggestionRules");
        tool.suggestionRules().keyQuestionRating().ifPresent(rating -> rules.put("allKeyQuestionsYes", rating.name()));
        ArrayNode thresholds = rules.putArray("thresholds");
        for (ScoreThreshold threshold : tool.suggestionRules().thresholds()) {
            thresholds.addObject().put("minScore", threshold.minScore()).put("rating", threshold.rating().name());
        }
        try {
            return json.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tool definition could not be written", e);
        }
    }

    @Override
    public String schema() {
        return schemaText;
    }

    /**
     * The path ({@code questions[2].text}) of the first text or property name that breaks the kit's text rule
     * ({@link PlainText#isPlain}), or null when all are plain. A bad property name is named by the object it is in,
     * never by itself (it would carry the character into the answer); "" is the document itself.
     */
    static String firstNotPlain(JsonNode node, String path) {
        if (node.isTextual()) {
            return PlainText.isPlain(node.textValue()) ? null : path;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = firstNotPlain(node.get(i), path + "[" + i + "]");
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (node.isObject()) {
            for (var fields = node.fields(); fields.hasNext(); ) {
                var field = fields.next();
                if (!PlainText.isPlain(field.getKey())) {
                    return path;
                }
                String found = firstNotPlain(field.getValue(), path.isEmpty() ? field.getKey()
                        : path + "." + field.getKey());
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The path of a schema problem, as the domain names fields: {@code questions[3].options[0].score}. */
    static String fieldOf(ValidationMessage problem) {
        StringBuilder path = new StringBuilder();
        JsonNodePath location = problem.getInstanceLocation();
        for (int i = 0; location != null && i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            if (element instanceof Integer index) {
                path.append('[').append(index).append(']');
            } else {
                path.append(path.isEmpty() ? "" : ".").append(element);
            }
        }
        if (PROPERTY_KEYWORDS.contains(problem.getType()) && problem.getProperty() != null) {
            path.append(path.isEmpty() ? "" : ".").append(problem.getProperty());
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    /** Builds the domain record from a document that passed the schema, so every field has its type. */
    private static ToolDefinition toDefinition(JsonNode node) {
        List<String> areas = new ArrayList<>();
        node.path("areas").forEach(area -> areas.add(area.asText()));
        List<Question> questions = new ArrayList<>();
        for (JsonNode q : node.path("questions")) {
            List<AnswerOption> options = new ArrayList<>();
            for (JsonNode o : q.path("options")) {
                options.add(new AnswerOption(o.path("id").asText(), o.path("label").asText(), o.path("score").asInt(),
                        o.path("keyAnswer").asBoolean(false)));
            }
            questions.add(new Question(q.path("id").asText(), q.path("text").asText(), q.path("key").asBoolean(false),
                    options));
        }
        JsonNode rules = node.path("suggestionRules");
        RagRating keyRating = rules.hasNonNull("allKeyQuestionsYes")
                ? RagRating.valueOf(rules.get("allKeyQuestionsYes").asText()) : null;
        List<ScoreThreshold> thresholds = new ArrayList<>();
        for (JsonNode t : rules.path("thresholds")) {
            thresholds.add(new ScoreThreshold(t.path("minScore").asInt(),
                    RagRating.valueOf(t.path("rating").asText())));
        }
        return new ToolDefinition(node.path("toolId").asText(), node.path("version").asInt(),
                node.path("title").asText(), node.hasNonNull("description") ? node.get("description").asText() : "",
                areas, questions, new SuggestionRules(keyRating, thresholds));
    }
}
