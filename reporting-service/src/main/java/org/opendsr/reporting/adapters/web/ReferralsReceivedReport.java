package org.opendsr.reporting.adapters.web;

import java.time.YearMonth;
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
        YearMonth from,
        YearMonth to,
        String total,
        List<PublishedCell> byRoute,
        List<PublishedCell> byLocality,
        List<PublishedCell> byAgeBand,
        String disclosureControl) {

    @Serdeable
    public record PublishedCell(String category, String referrals) {
    }
}
