package org.opendsr.risk.tools.application;

import java.util.Map;

/**
 * An assessment with one version of a rating tool.
 *
 * @param answers questionId -> optionId, one for every question of that version
 */
public record AssessmentRequest(String toolId, Integer version, Map<String, String> answers) {
}
