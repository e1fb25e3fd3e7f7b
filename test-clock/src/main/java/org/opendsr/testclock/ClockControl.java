package org.opendsr.testclock;

/**
 * The switch that turns the test clock on. Keeping this module out of packaged services keeps it out of
 * production; the switch means that even where it is on a classpath by mistake, the clock cannot be moved unless a
 * test's configuration (or the local launcher, for journeys) asks for it.
 */
public final class ClockControl {

    /** {@code true} replaces the service's clock with a {@link MovableClock} and opens {@code /testing/clock}. */
    public static final String PROPERTY = "dsr.testing.clock-control";

    private ClockControl() {
    }
}
