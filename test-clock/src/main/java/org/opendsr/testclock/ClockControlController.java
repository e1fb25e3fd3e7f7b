package org.opendsr.testclock;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.format.DateTimeParseException;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.opendsr.kit.web.RequestRefused;

/**
 * Moves a service's clock in a test: {@code POST /testing/clock {"advanceBy": "P30D"}}. Exists only where the
 * test-clock module is on the classpath, which no packaged service has, and {@value ClockControl#PROPERTY} is true.
 */
@Controller("/testing/clock")
@Requires(property = ClockControl.PROPERTY, value = "true")
@Secured(SecurityRule.IS_ANONYMOUS)
public class ClockControlController {

    private final MovableClock clock;

    public ClockControlController(MovableClock clock) {
        this.clock = clock;
    }

    /**
     * {@code advanceBy} is ISO-8601: a period of calendar days, months or years ("P30D", "P1Y"), which moves the
     * date in England and keeps the time of day across a clock change; or a duration of elapsed time ("PT36H").
     */
    @Serdeable
    public record Advance(@NotNull String advanceBy) {
    }

    @Serdeable
    public record ClockState(Instant now, String offset) {
    }

    @Get
    public ClockState now() {
        return new ClockState(clock.instant(), clock.offset().toString());
    }

    @Post
    public ClockState advance(@Valid @Body Advance advance) {
        String by = advance.advanceBy().strip();
        try {
            clock.advance(Period.parse(by));
            return now();
        } catch (DateTimeParseException notAPeriod) {
            // has a time part: elapsed time
        }
        try {
            clock.advance(Duration.parse(by));
        } catch (DateTimeParseException e) {
            throw RequestRefused.invalidField("advanceBy",
                    "must be an ISO-8601 period such as P30D or a duration such as PT36H");
        }
        return now();
    }
}
