package org.opendsr.referral.retention.adapters.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.referral.retention.application.ErasingPeople;
import org.opendsr.referral.retention.application.ReviewingErasures;
import org.opendsr.referral.retention.domain.Article17Ground;

/**
 * Erasure (UK GDPR Art. 17) by a DSR lead, and the lead's "erasure complete" view: each erasure and which services
 * have confirmed theirs. A lead's alone (everyone else 403, whoever the person is).
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(DsrRoles.DSR_LEAD)
@Tag(name = "Retention")
public class ErasureController {

    @Serdeable
    @Schema(name = "ErasureRequest")
    record ErasureRequest(@NotNull @Schema(description = "The Article 17(1) ground the lead found applies:"
            + " NO_LONGER_NECESSARY, CONSENT_WITHDRAWN, OBJECTION, UNLAWFULLY_PROCESSED or LEGAL_OBLIGATION")
                          Article17Ground reason) {
    }

    private final ErasingPeople erasing;
    private final ReviewingErasures reviewing;

    public ErasureController(ErasingPeople erasing, ReviewingErasures reviewing) {
        this.erasing = erasing;
        this.reviewing = reviewing;
    }

    @Post("/people/{personId}/erasure")
    @Operation(summary = "Erase the person's record now on an erasure request (409 while they are on the register or"
            + " a referral of theirs waits for its outcome); every other service is told and confirms; a repeat"
            + " returns the erasure already made")
    public ReviewingErasures.ErasureState erase(@PathVariable UUID personId, @Valid @Body ErasureRequest request,
                                                Caller caller) {
        erasing.onRequest(personId, request.reason(), caller);
        return reviewing.of(personId).orElseThrow();
    }

    @Get("/erasures")
    @Operation(summary = "Erasures, newest first: the services expected to confirm each, which have (when, how many"
            + " records) and whether it is complete; page on with after=next")
    public ReviewingErasures.ErasuresPage erasures(@Nullable @QueryValue @Parameter(description = "The next of the"
                                                           + " page before") String after,
                                                   @QueryValue(defaultValue = "20") @Min(1) @Max(200) int limit) {
        Instant beforeErasedAt = null;
        UUID beforePersonId = null;
        if (after != null) {
            String[] key = after.split("_", 2);
            try {
                beforeErasedAt = Instant.parse(key[0]);
                beforePersonId = UUID.fromString(key[1]);
            } catch (DateTimeParseException | IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                throw RuleBroken.invalid("after", "must be the next of a page before");
            }
        }
        return reviewing.newest(beforeErasedAt, beforePersonId, limit);
    }
}
