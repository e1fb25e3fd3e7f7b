package org.opendsr.meeting.outcomes.application;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.meeting.outcomes.domain.RecommendationCatalogue;

/**
 * The service types a meeting may recommend ({@code dsr.meeting.recommendations.catalogue}): entries
 * {@code CODE=Label}, in the order people see them. A list of strings, not a map, so that the codes keep their case
 * through Micronaut's property names and an environment variable can replace the list
 * ({@code DSR_MEETING_RECOMMENDATIONS_CATALOGUE=KEYWORKER=Keyworker,SHORT_BREAKS=Short breaks}).
 */
@ConfigurationProperties("dsr.meeting.recommendations")
public class RecommendationSettings {

    private List<String> catalogue = List.of();

    public List<String> getCatalogue() {
        return catalogue;
    }

    public void setCatalogue(List<String> catalogue) {
        this.catalogue = catalogue == null ? List.of() : catalogue;
    }

    /** The catalogue, checked once at start-up: a bad entry stops the service rather than refusing recommendations. */
    public RecommendationCatalogue toCatalogue() {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String entry : catalogue) {
            int equals = entry == null ? -1 : entry.indexOf('=');
            if (equals < 1) {
                throw RuleBroken.invalid("dsr.meeting.recommendations.catalogue", "entries are CODE=Label");
            }
            labels.put(entry.substring(0, equals).strip(), entry.substring(equals + 1).strip());
        }
        return new RecommendationCatalogue(labels);
    }

    @Factory
    static class CatalogueFactory {

        @Singleton
        RecommendationCatalogue catalogue(RecommendationSettings settings) {
            return settings.toCatalogue();
        }
    }
}
