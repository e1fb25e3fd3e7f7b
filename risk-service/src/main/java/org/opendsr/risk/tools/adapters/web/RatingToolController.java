package org.opendsr.risk.tools.adapters.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.risk.tools.adapters.web.ToolViews.AssessmentView;
import org.opendsr.risk.tools.adapters.web.ToolViews.Tool;
import org.opendsr.risk.tools.adapters.web.ToolViews.ToolSummary;
import org.opendsr.risk.tools.adapters.web.ToolViews.ToolVersion;
import org.opendsr.risk.tools.application.AssessingPeople;
import org.opendsr.risk.tools.application.PublishingTools;
import org.opendsr.risk.tools.application.ReadingTools;
import org.opendsr.risk.tools.domain.Assessment;
import org.opendsr.risk.tools.domain.PublishedTool;

/**
 * Rating tools (data, not code) and assessments with them. Ratings are about the risk of admission only. A tool
 * suggests; a professional decides. Analysts, admins and agency systems: 403.
 */
@Controller("/ratings")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Rating tools")
public class RatingToolController {

    private final ReadingTools reading;
    private final PublishingTools publishing;
    private final AssessingPeople assessing;

    public RatingToolController(ReadingTools reading, PublishingTools publishing, AssessingPeople assessing) {
        this.reading = reading;
        this.publishing = publishing;
        this.assessing = assessing;
    }

    @Get("/tools")
    @Secured({DsrRoles.PROFESSIONAL, DsrRoles.DSR_TEAM, DsrRoles.DSR_LEAD})
    @Operation(operationId = "listRatingTools",
            summary = "The rating tools: the current version of each and the areas it is used in",
            description = "A person is assessed with the tool whose current version lists their area, else with the "
                    + "default tool (no areas). Tool definitions are not personal data.")
    public List<ToolSummary> tools() {
        return reading.currentTools().stream().map(ToolSummary::of).toList();
    }

    @Get(value = "/tools/schema", produces = MediaType.APPLICATION_JSON)
    @Secured({DsrRoles.PROFESSIONAL, DsrRoles.DSR_TEAM, DsrRoles.DSR_LEAD})
    @Operation(operationId = "ratingToolSchema",
            summary = "The JSON Schema every rating tool definition is checked against")
    public String schema() {
        return reading.schema();
    }

    @Get("/tools/{toolId}")
    @Secured({DsrRoles.PROFESSIONAL, DsrRoles.DSR_TEAM, DsrRoles.DSR_LEAD})
    @Operation(operationId = "ratingTool",
            summary = "A rating tool: its current version in full, and all its versions (newest first)")
    public Tool tool(@PathVariable String toolId) {
        return Tool.of(reading.versionsOf(toolId));
    }

    @Get("/tools/{toolId}/versions/{version}")
    @Secured({DsrRoles.PROFESSIONAL, DsrRoles.DSR_TEAM, DsrRoles.DSR_LEAD})
    @Operation(operationId = "ratingToolVersion",
            summary = "One version of a rating tool, as published (it never changes)")
    public ToolVersion version(@PathVariable String toolId, @PathVariable int version) {
        return ToolVersion.of(reading.version(toolId, version));
    }

    @Post(value = "/tools", consumes = MediaType.APPLICATION_JSON)
    @Secured({DsrRoles.DSR_LEAD})
    @Operation(operationId = "publishRatingTool",
            summary = "Publish a new rating tool, or a new version of one (DSR leads)",
            description = "The body is a definition as in GET /ratings/tools/schema: checked against the schema, then "
                    + "for unique ids, thresholds in ascending order from 0 and within reach, and a key answer on "
                    + "every key question; 400 naming the field (e.g. questions[3].options), also for a control "
                    + "character such as NUL in any text. Audited. A published version never "
                    + "changes: 409 tool-version-exists for an existing toolId and version, 409 "
                    + "tool-version-not-newest for one older than the newest, 409 tool-area-claimed when another tool's current version is "
                    + "used in one of its areas (or is the default already). A tool never suggests BLUE.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ToolViews.Definition.class)))
    public HttpResponse<ToolVersion> publish(@Nullable @Body String definition, Caller caller) {
        PublishedTool published = publishing.publish(definition, caller);
        return HttpResponse.created(ToolVersion.of(published),
                URI.create("/ratings/tools/" + published.toolId() + "/versions/" + published.version()));
    }

    @Get("/people/{personId}/tool")
    @Secured({DsrRoles.PROFESSIONAL, DsrRoles.DSR_TEAM, DsrRoles.DSR_LEAD})
    @Operation(operationId = "ratingToolForPerson",
            summary = "The rating tool to assess a person with: the one used in their area, else the default",
            description = "For those who may read the person (404 for anyone else); audited.")
    public ToolVersion toolFor(@PathVariable UUID personId, Caller caller) {
        return ToolVersion.of(reading.toolFor(personId, caller));
    }

    @Post("/people/{personId}/assessments")
    @Secured({DsrRoles.PROFESSIONAL, DsrRoles.DSR_TEAM, DsrRoles.DSR_LEAD})
    @Operation(operationId = "assessWithRatingTool",
            summary = "Assess a person with a rating tool: the answers give a score and a suggested rating",
            description = "A tool suggests; a professional decides: assessing never changes the rating (rate with "
                    + "POST /ratings/people/{personId}, naming the assessmentId, and give a reason if the rating "
                    + "differs from the suggestion). The answers must fit the tool version exactly: every question "
                    + "answered with one of its options, no other question (400 naming answers.<questionId>); an "
                    + "unknown tool or version is 400 naming toolId or version. 409 not-on-register for a person who "
                    + "is not on the register. For the person's care team, the DSR team of their area and leads (403 "
                    + "for a break-glass reader, 404 for anyone else); audited with the answers.")
    public HttpResponse<AssessmentView> assess(@PathVariable UUID personId, @Nullable @Body AssessmentBody body,
                                               Caller caller) {
        if (body == null) {
            throw RuleBroken.invalid("body", "an assessment {toolId, version, answers} is required");
        }
        Assessment assessment = assessing.assess(personId, body.toRequest(), caller);
        return HttpResponse.created(AssessmentView.of(assessment),
                URI.create("/ratings/people/" + personId + "/assessments"));
    }

    @Get("/people/{personId}/assessments")
    @Secured({DsrRoles.PROFESSIONAL, DsrRoles.DSR_TEAM, DsrRoles.DSR_LEAD})
    @Operation(operationId = "ratingToolAssessmentsOfPerson",
            summary = "A person's assessments with rating tools, newest first",
            description = "For those who may read the person (404 for anyone else); audited.")
    public List<AssessmentView> assessments(@PathVariable UUID personId, Caller caller) {
        return assessing.assessmentsOf(personId, caller).stream().map(AssessmentView::of).toList();
    }
}
