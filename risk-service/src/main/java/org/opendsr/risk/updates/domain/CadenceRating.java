package org.opendsr.risk.updates.domain;

import org.opendsr.contracts.common.LifeStage;
import org.opendsr.contracts.common.RagRating;

/**
 * A rating as the updates box sees it: BLUE has two cadences, since it follows the commissioner oversight visits,
 * which are 6-weekly for a child and 8-weekly for an adult. The names are the configuration keys
 * ({@code dsr.risk.updates.cadence.blue-child}).
 */
public enum CadenceRating {
    RED("red"), AMBER("amber"), GREEN("green"), BLUE_CHILD("blue-child"), BLUE_ADULT("blue-adult");

    private final String key;

    CadenceRating(String key) {
        this.key = key;
    }

    /** The configuration key, e.g. {@code blue-child}. */
    public String key() {
        return key;
    }

    /**
     * @param lifeStage the person's life stage, or null when not known: a BLUE person then has the child's
     *                  cadence, the more frequent one, so that not knowing never spaces updates further apart
     */
    public static CadenceRating of(RagRating rating, LifeStage lifeStage) {
        return switch (rating) {
            case RED -> RED;
            case AMBER -> AMBER;
            case GREEN -> GREEN;
            case BLUE -> lifeStage == LifeStage.ADULT ? BLUE_ADULT : BLUE_CHILD;
        };
    }

    /** The rating of a configuration key, e.g. {@code blue-adult}; case and {@code _} or {@code -} do not matter. */
    public static CadenceRating ofKey(String key) {
        String normal = key.trim().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        for (CadenceRating rating : values()) {
            if (rating.key.equals(normal)) {
                return rating;
            }
        }
        throw new IllegalArgumentException("unknown rating '" + key + "' for an update cadence: expected one of "
                + "red, amber, green, blue-child, blue-adult");
    }
}
