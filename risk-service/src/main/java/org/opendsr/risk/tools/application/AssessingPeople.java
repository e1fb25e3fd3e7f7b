package org.opendsr.risk.tools.application;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.risk.shared.application.CurrentRatings;
import org.opendsr.risk.shared.application.RiskAccess;
import org.opendsr.risk.tools.domain.Assessment;
import org.opendsr.risk.tools.domain.PublishedTool;

/**
 * Assesses a person on the register with a version of a rating tool and records the answers, the score and the
 * suggestion. A tool suggests; a professional decides: assessing never changes the person's rating (the rating is
 * decided with {@code POST /ratings/people/{personId}}, which may name the assessment and differ from it with a
 * reason).
 *
 * <p>For those who may change the person's rating: their care team, the DSR team of their area, a lead (a break-glass
 * reader 403, anyone else 404). Audited with the answers as the new values.
 */
@Singleton
public class AssessingPeople {

    static final String ACTION = "ASSESSED";

    private final ToolVersions versions;
    private final Assessments assessments;
    private final CurrentRatings register;
    private final RiskAccess access;
    private final Clock clock;

    public AssessingPeople(ToolVersions versions, Assessments assessments, CurrentRatings register, RiskAccess access,
                           Clock clock) {
        this.versions = versions;
        this.assessments = assessments;
        this.register = register;
        this.access = access;
        this.clock = clock;
    }

    /**
     * Refused naming the field: an unknown tool ({@code toolId}) or version ({@code version}), answers that do not
     * match that version exactly ({@code answers.<questionId>}); 409 {@code not-on-register} for a person who is not
     * on the register. Nothing is written for a refused request (a refused access is audited in its own transaction).
     */
    @Transactional
    public Assessment assess(UUID personId, AssessmentRequest request, Caller caller) {
        // Access first, so that a caller without need to know learns nothing, not even whether the tool exists.
        access.change(personId, caller, "rating tool assessment");
        PublishedTool tool = toolOf(request);
        Assessment assessment = Assessment.of(UUID.randomUUID(), personId, tool.definition(), request.answers(),
                clock.instant(), caller.userId());
        if (!register.isOnRegister(personId)) {
            throw RuleBroken.conflict("not-on-register", "Not on the register", "personId",
                    "only a person on the register is assessed for their risk of admission");
        }
        assessments.add(assessment);
        access.audited(caller, personId, ACTION, "rating tool assessment " + assessment.assessmentId(), Map.of(),
                auditValues(assessment));
        return assessment;
    }

    /** The person's assessments, newest first, for those who may read the person; audited. */
    @Transactional(readOnly = true)
    public List<Assessment> assessmentsOf(UUID personId, Caller caller) {
        access.read(personId, caller, "rating tool assessments");
        return assessments.of(personId);
    }

    private PublishedTool toolOf(AssessmentRequest request) {
        if (request.toolId() == null || request.toolId().isBlank()) {
            throw RuleBroken.invalid("toolId", "toolId is required");
        }
        if (request.version() == null) {
            throw RuleBroken.invalid("version", "version is required: the version of the tool that was answered");
        }
        return versions.find(request.toolId(), request.version()).orElseThrow(() ->
                versions.versionsOf(request.toolId()).isEmpty()
                        ? RuleBroken.invalid("toolId", "there is no rating tool " + request.toolId())
                        : RuleBroken.invalid("version", request.toolId() + " has no version " + request.version()));
    }

    private static Map<String, Object> auditValues(Assessment assessment) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("toolId", assessment.toolId());
        values.put("version", assessment.version());
        values.put("answers", assessment.answers());
        values.put("score", assessment.score());
        values.put("keyQuestionsAllYes", assessment.keyQuestionsAllYes());
        values.put("suggestedRating", assessment.suggestedRating().name());
        return values;
    }
}
