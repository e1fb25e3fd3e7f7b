package org.opendsr.risk.updates.application;

import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import io.micronaut.core.naming.conventions.StringConvention;
import org.opendsr.risk.updates.domain.CadenceRating;
import org.opendsr.risk.updates.domain.UpdateCadence;

/**
 * The update cadences as configured, as ISO-8601 periods:
 * {@code dsr.risk.updates.cadence.{red,amber,green,blue-child,blue-adult}} (defaults P14D, P14D, P1M, P6W, P8W:
 * see {@link UpdateCadence}) and, where an area's DSR policy differs,
 * {@code dsr.risk.updates.areas.<AREA>.<rating>}, e.g. {@code dsr.risk.updates.areas.NORTH.green: P14D}. Built at
 * start-up, so that a period that does not parse or is not positive stops the service at once.
 */
@Factory
public class UpdateCadenceSettings {

    static final String DEFAULTS = "dsr.risk.updates.cadence";
    static final String AREAS = "dsr.risk.updates.areas";

    @Context
    UpdateCadence updateCadence(Environment environment) {
        Map<CadenceRating, Period> defaults = new EnumMap<>(UpdateCadence.defaultPeriods());
        for (CadenceRating rating : CadenceRating.values()) {
            String key = DEFAULTS + "." + rating.key();
            environment.getProperty(key, String.class).ifPresent(text -> defaults.put(rating, period(key, text)));
        }
        Map<String, Map<CadenceRating, Period>> areas = new LinkedHashMap<>();
        collect("", environment.getProperties(AREAS, StringConvention.RAW), areas);
        return new UpdateCadence(defaults, areas);
    }

    /** Area overrides from keys {@code <AREA>.<rating>}, flattened or nested. */
    private static void collect(String prefix, Map<String, Object> properties,
                                Map<String, Map<CadenceRating, Period>> areas) {
        properties.forEach((key, value) -> {
            String path = prefix.isEmpty() ? key : prefix + "." + key;
            if (value instanceof Map<?, ?> nested) {
                @SuppressWarnings("unchecked")
                Map<String, Object> inner = (Map<String, Object>) nested;
                collect(path, inner, areas);
                return;
            }
            // An environment variable (DSR_RISK_UPDATES_AREAS_NORTH_EAST_BLUE_ADULT) reaches here in several
            // spellings (north.east.blue.adult, north-east.blue-adult, ...): all name the same area and rating.
            String[] parts = path.split("[.-]");
            int ratingParts = parts.length >= 3 && parts[parts.length - 2].equalsIgnoreCase("blue") ? 2 : 1;
            if (parts.length <= ratingParts) {
                throw new IllegalArgumentException(AREAS + "." + path + " must name an area and a rating, e.g. "
                        + AREAS + ".NORTH.green");
            }
            String area = String.join("-", java.util.Arrays.copyOfRange(parts, 0, parts.length - ratingParts));
            CadenceRating rating = CadenceRating.ofKey(String.join("-",
                    java.util.Arrays.copyOfRange(parts, parts.length - ratingParts, parts.length)));
            areas.computeIfAbsent(area, any -> new EnumMap<>(CadenceRating.class))
                    .put(rating, period(AREAS + "." + path, String.valueOf(value)));
        });
    }

    private static Period period(String key, String text) {
        try {
            return Period.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(key + " must be an ISO-8601 period such as P14D, P6W or P1M", e);
        }
    }
}
