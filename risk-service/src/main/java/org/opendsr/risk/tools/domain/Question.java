package org.opendsr.risk.tools.domain;

import java.util.List;
import java.util.Optional;

/**
 * A question of a rating tool and the answers it offers.
 *
 * @param key whether it is a key question: when every key question is answered "yes" (a {@link AnswerOption#keyAnswer()
 *            key answer}) the tool suggests its key-question rating whatever the score (DOMAIN.md: the four key
 *            questions all yes suggest RED)
 */
public record Question(String id, String text, boolean key, List<AnswerOption> options) {

    public Question {
        options = List.copyOf(options);
    }

    public Optional<AnswerOption> option(String optionId) {
        return options.stream().filter(option -> option.id().equals(optionId)).findFirst();
    }

    /** The highest score an answer to this question can add. */
    public int highestScore() {
        return options.stream().mapToInt(AnswerOption::score).max().orElse(0);
    }
}
