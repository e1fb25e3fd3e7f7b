package org.opendsr.reporting.publishing.application;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PostConstruct;
import org.opendsr.reporting.publishing.domain.DisclosureControl;

/**
 * {@code dsr.reporting.disclosure.*}: the NHS Digital rule (1 to 7 suppressed, rounded to the nearest 5), configurable
 * where local rules are stricter and never weaker. Checked when the service starts ({@link Context}): a weaker setting
 * stops it with a message naming the setting, rather than publishing counts that could identify people.
 */
@Context
@ConfigurationProperties("dsr.reporting.disclosure")
public class DisclosureSettings {

    private int suppressUpTo = DisclosureControl.NHS_SUPPRESS_UP_TO;
    private int roundToNearest = DisclosureControl.NHS_ROUND_TO_NEAREST;

    /** Refuses to start with disclosure control weaker than the NHS rule. */
    @PostConstruct
    public void check() {
        control();
    }

    public DisclosureControl control() {
        return DisclosureControl.configured(suppressUpTo, roundToNearest);
    }

    public int getSuppressUpTo() {
        return suppressUpTo;
    }

    public void setSuppressUpTo(int suppressUpTo) {
        this.suppressUpTo = suppressUpTo;
    }

    public int getRoundToNearest() {
        return roundToNearest;
    }

    public void setRoundToNearest(int roundToNearest) {
        this.roundToNearest = roundToNearest;
    }
}
