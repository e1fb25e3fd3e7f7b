package org.opendsr.risk.updates.domain;

import java.time.LocalDate;
import java.time.Period;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.opendsr.contracts.common.LifeStage;
import org.opendsr.contracts.common.RagRating;

/**
 * How often the responsible professional must post an update in a person's updates box, by rating, and per area
 * where an area's DSR policy differs.
 *
 * <ul>
 *   <li><b>RED and AMBER: every 14 days; GREEN: monthly.</b> DOMAIN.md "Risk rating", updates box, after the
 *       Staffordshire DSR guidance: updates "a minimum of fortnightly for people rated as Red and Amber and
 *       monthly for people rated Green on the register", before the fortnightly tracking meetings.</li>
 *   <li><b>BLUE: in step with the commissioner oversight visits, 6 weeks for a child, 8 weeks for an adult.</b>
 *       The guidance gives BLUE no update cadence of its own (an inpatient is followed by the inpatient C(E)TRs and
 *       the oversight visits: NHS England DSR and C(E)TR policy 2023 and the commissioner oversight visits of
 *       2019-); the update is due as often as the visit, so each visit has an update from the community before it.
 *       A local choice, configurable.</li>
 * </ul>
 *
 * <p>A month is a calendar month ({@link LocalDate#plus}): GREEN from 31 January is due on 28 February (29 in a
 * leap year), the last day of the shorter month, never in March.
 */
public final class UpdateCadence {

    public static final Period FORTNIGHTLY = Period.ofDays(14);
    public static final Period MONTHLY = Period.ofMonths(1);
    public static final Period SIX_WEEKLY = Period.ofWeeks(6);
    public static final Period EIGHT_WEEKLY = Period.ofWeeks(8);

    private final Map<CadenceRating, Period> defaults;
    private final Map<String, Map<CadenceRating, Period>> byArea;

    /**
     * @param defaults every rating's cadence
     * @param byArea   per area (case and separators do not matter), the ratings whose cadence differs from the default
     * @throws IllegalArgumentException when a rating has no cadence or a period is not positive
     */
    public UpdateCadence(Map<CadenceRating, Period> defaults, Map<String, Map<CadenceRating, Period>> byArea) {
        EnumMap<CadenceRating, Period> checked = new EnumMap<>(CadenceRating.class);
        for (CadenceRating rating : CadenceRating.values()) {
            Period period = defaults.get(rating);
            if (period == null) {
                throw new IllegalArgumentException("dsr.risk.updates.cadence." + rating.key() + " is missing");
            }
            checked.put(rating, positive(period, "dsr.risk.updates.cadence." + rating.key()));
        }
        Map<String, Map<CadenceRating, Period>> areas = new TreeMap<>();
        byArea.forEach((area, overrides) -> {
            if (area == null || area.isBlank()) {
                throw new IllegalArgumentException("an update cadence override names no area");
            }
            EnumMap<CadenceRating, Period> areaCadence = new EnumMap<>(CadenceRating.class);
            overrides.forEach((rating, period) -> areaCadence.put(rating,
                    positive(period, "dsr.risk.updates.areas." + area + "." + rating.key())));
            // Spellings of one area (NORTH-EAST, north.east) add up to one set of overrides.
            areas.computeIfAbsent(normalArea(area), any -> new EnumMap<>(CadenceRating.class)).putAll(areaCadence);
        });
        this.defaults = checked;
        this.byArea = areas;
    }

    /** The DSR defaults: RED and AMBER 14 days, GREEN a month, BLUE 6 weeks (child) or 8 weeks (adult). */
    public static UpdateCadence dsrDefault() {
        return new UpdateCadence(defaultPeriods(), Map.of());
    }

    public static Map<CadenceRating, Period> defaultPeriods() {
        EnumMap<CadenceRating, Period> periods = new EnumMap<>(CadenceRating.class);
        periods.put(CadenceRating.RED, FORTNIGHTLY);
        periods.put(CadenceRating.AMBER, FORTNIGHTLY);
        periods.put(CadenceRating.GREEN, MONTHLY);
        periods.put(CadenceRating.BLUE_CHILD, SIX_WEEKLY);
        periods.put(CadenceRating.BLUE_ADULT, EIGHT_WEEKLY);
        return periods;
    }

    /**
     * How often updates are due for a person with this rating.
     *
     * @param lifeStage needed for BLUE only; null when not known (the child's, more frequent, cadence)
     * @param area      the person's area, or null when not known (the default cadence)
     */
    public Period of(RagRating rating, LifeStage lifeStage, String area) {
        CadenceRating cadenceRating = CadenceRating.of(Objects.requireNonNull(rating, "rating"), lifeStage);
        if (area != null) {
            Map<CadenceRating, Period> overrides = byArea.get(normalArea(area));
            if (overrides != null && overrides.containsKey(cadenceRating)) {
                return overrides.get(cadenceRating);
            }
        }
        return defaults.get(cadenceRating);
    }

    /** The day the next update is due, a cadence after {@code from} (the last update, or the rating's start). */
    public static LocalDate dueAfter(LocalDate from, Period cadence) {
        return from.plus(cadence);
    }

    private static Period positive(Period period, String name) {
        if (period == null || period.isZero() || period.getYears() < 0 || period.getMonths() < 0
                || period.getDays() < 0) {
            throw new IllegalArgumentException(name + " must be a positive ISO-8601 period such as P14D or P1M, not "
                    + period);
        }
        return period;
    }

    /**
     * Areas match whatever their case and separators ({@code north-east}, {@code NORTH_EAST}, {@code North East}):
     * configuration keys and environment variables cannot always spell an area as its code is written.
     */
    private static String normalArea(String area) {
        return area.trim().toUpperCase(Locale.ROOT).replaceAll("[\\s._-]+", "_");
    }
}
