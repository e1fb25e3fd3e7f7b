package org.opendsr.risk.tools.adapters.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import org.opendsr.contracts.common.RagRating;
import org.opendsr.risk.tools.domain.AnswerOption;
import org.opendsr.risk.tools.domain.Assessment;
import org.opendsr.risk.tools.domain.PublishedTool;
import org.opendsr.risk.tools.domain.Question;
import org.opendsr.risk.tools.domain.ScoreThreshold;
import org.opendsr.risk.tools.domain.ToolDefinition;

/**
 * What the tools API answers. A definition reads as the document a lead publishes, so it can be edited into a new
 * version.
 */
final class ToolViews {

    private ToolViews() {
    }

    @Serdeable
    @Schema(name = "RatingToolSummary", description = "The current (newest) version of a tool, and where it is used")
    record ToolSummary(String toolId, int version, String title,
                       @Schema(description = "Area codes it is used in; empty for the default tool") List<String> areas,
                       @Schema(description = "Used wherever no other tool claims the person's area") boolean isDefault,
                       Instant publishedAt) {
        static ToolSummary of(PublishedTool tool) {
            ToolDefinition definition = tool.definition();
            return new ToolSummary(definition.toolId(), definition.version(), definition.title(), definition.areas(),
                    definition.isDefault(), tool.publishedAt());
        }
    }

    @Serdeable
    @Schema(name = "RatingTool", description = "A tool's current version and all its versions, newest first")
    record Tool(String toolId, ToolVersion current, List<VersionSummary> versions) {
        static Tool of(List<PublishedTool> newestFirst) {
            return new Tool(newestFirst.get(0).toolId(), ToolVersion.of(newestFirst.get(0)),
                    newestFirst.stream().map(VersionSummary::of).toList());
        }
    }

    @Serdeable
    @Schema(name = "RatingToolVersionSummary")
    record VersionSummary(int version, String title, Instant publishedAt, String publishedBy) {
        static VersionSummary of(PublishedTool tool) {
            return new VersionSummary(tool.version(), tool.definition().title(), tool.publishedAt(),
                    tool.publishedBy());
        }
    }

    @Serdeable
    @Schema(name = "RatingToolVersion", description = "One published version; it never changes")
    record ToolVersion(Definition definition, Instant publishedAt,
                       @Schema(description = "The lead's user id, or risk-service for a shipped tool")
                       String publishedBy) {
        static ToolVersion of(PublishedTool tool) {
            return new ToolVersion(Definition.of(tool.definition()), tool.publishedAt(), tool.publishedBy());
        }
    }

    @Serdeable
    @Schema(name = "RatingToolDefinition", description = "As in GET /ratings/tools/schema")
    record Definition(String toolId, int version, String title, String description, List<String> areas,
                      List<QuestionView> questions, Rules suggestionRules) {
        static Definition of(ToolDefinition tool) {
            return new Definition(tool.toolId(), tool.version(), tool.title(), tool.description(), tool.areas(),
                    tool.questions().stream().map(QuestionView::of).toList(), Rules.of(tool));
        }
    }

    @Serdeable
    @Schema(name = "RatingToolQuestion")
    record QuestionView(String id, String text, boolean key, List<Option> options) {
        static QuestionView of(Question question) {
            return new QuestionView(question.id(), question.text(), question.key(),
                    question.options().stream().map(Option::of).toList());
        }
    }

    @Serdeable
    @Schema(name = "RatingToolAnswerOption")
    record Option(String id, String label, int score, boolean keyAnswer) {
        static Option of(AnswerOption option) {
            return new Option(option.id(), option.label(), option.score(), option.keyAnswer());
        }
    }

    @Serdeable
    @Schema(name = "RatingToolSuggestionRules")
    record Rules(@Nullable RagRating allKeyQuestionsYes, List<Threshold> thresholds) {
        static Rules of(ToolDefinition tool) {
            return new Rules(tool.suggestionRules().allKeyQuestionsYes(),
                    tool.suggestionRules().thresholds().stream().map(Threshold::of).toList());
        }
    }

    @Serdeable
    @Schema(name = "RatingToolThreshold")
    record Threshold(int minScore, RagRating rating) {
        static Threshold of(ScoreThreshold threshold) {
            return new Threshold(threshold.minScore(), threshold.rating());
        }
    }

    @Serdeable
    @Schema(name = "RatingToolAssessment", description = "What a tool suggested from the answers. A tool suggests; a "
            + "professional decides: an assessment never changes the rating")
    record AssessmentView(UUID assessmentId, UUID personId, String toolId, int version,
                          @Schema(description = "questionId -> optionId") Map<String, String> answers, int score,
                          boolean keyQuestionsAllYes, RagRating suggestedRating, Instant assessedAt,
                          String assessedBy) {
        static AssessmentView of(Assessment assessment) {
            return new AssessmentView(assessment.assessmentId(), assessment.personId(), assessment.toolId(),
                    assessment.version(), assessment.answers(), assessment.score(), assessment.keyQuestionsAllYes(),
                    assessment.suggestedRating(), assessment.assessedAt(), assessment.assessedBy());
        }
    }
}
