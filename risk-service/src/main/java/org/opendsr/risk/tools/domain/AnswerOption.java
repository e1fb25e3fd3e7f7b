package org.opendsr.risk.tools.domain;

/**
 * One answer a question offers.
 *
 * @param score     what choosing it adds to the assessment's score (never negative: a tool adds up risk, it does not
 *                  subtract it)
 * @param keyAnswer on a key question, whether this answer counts as "yes" for the all-key-questions rule; always
 *                  false on other questions
 */
public record AnswerOption(String id, String label, int score, boolean keyAnswer) {
}
