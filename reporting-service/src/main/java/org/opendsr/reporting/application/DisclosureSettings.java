package org.opendsr.reporting.application;

import io.micronaut.context.annotation.ConfigurationProperties;
import org.opendsr.reporting.domain.DisclosureControl;

/** {@code dsr.reporting.disclosure.*}: the NHS Digital defaults, configurable where local rules are stricter. */
@ConfigurationProperties("dsr.reporting.disclosure")
public class DisclosureSettings {

    private int suppressUpTo = 7;
    private int roundToNearest = 5;

    public DisclosureControl control() {
        return new DisclosureControl(suppressUpTo, roundToNearest);
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
