package org.opendsr.testclock;

import java.time.Duration;
import java.time.Instant;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * Moves a service's clock in a test: {@code POST /testing/clock {"advanceBy": "P30D"}}. Exists only where the
 * test-clock module is on the classpath, which no packaged service has.
 */
@Controller("/testing/clock")
@Secured(SecurityRule.IS_ANONYMOUS)
public class ClockControlController {

    private final MovableClock clock;

    public ClockControlController(MovableClock clock) {
        this.clock = clock;
    }

    /** {@code advanceBy} is an ISO-8601 duration, e.g. "P30D" or "PT36H". */
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
        Duration by;
        try {
            by = Duration.parse(advance.advanceBy());
        } catch (java.time.format.DateTimeParseException e) {
            throw org.opendsr.kit.web.RequestRefused.invalidField("advanceBy",
                    "must be an ISO-8601 duration such as P30D or PT36H");
        }
        clock.advance(by);
        return now();
    }
}
