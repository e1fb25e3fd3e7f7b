package org.opendsr.reporting.adapters.web;

import java.util.List;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Referrals received in a period, as published: every figure has passed disclosure control, so each is a
 * string ({@code "0"}, {@code "*"} or a multiple of 5).
 */
@Serdeable
@Schema(name = "ReferralsReceivedReport")
public record ReferralsReceivedReport(
        @Schema(description = "First month, YYYY-MM", example = "2026-04") String from,
        @Schema(description = "Last month, YYYY-MM", example = "2027-03") String to,
        String total,
        List<PublishedCell> byRoute,
        List<PublishedCell> byLocality,
        List<PublishedCell> byAgeBand,
        String disclosureControl) {

    @Serdeable
    public record PublishedCell(String category, String referrals) {
    }
}
