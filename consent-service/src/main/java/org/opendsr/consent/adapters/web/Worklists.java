package org.opendsr.consent.adapters.web;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import org.opendsr.consent.domain.Consent;
import org.opendsr.consent.domain.ConsentRenewalPolicy;
import org.opendsr.consent.domain.ConsentState;
import org.opendsr.consent.domain.RenewalReason;
import org.opendsr.contracts.consent.ConsentBasis;
import org.opendsr.contracts.consent.ConsentWithdrawalReason;

/**
 * The DSR team's consent worklists. Entries name people by personId; the gateway adds who they are. Each is a page:
 * {@code next} is the cursor for the following page ({@code null} on the last).
 */
public final class Worklists {

    private Worklists() {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "RenewalsDueWorklist", description = "Active consents due for renewal by a day, soonest first")
    public record RenewalsDue(LocalDate today, LocalDate dueBy, List<RenewalDueEntry> entries, @Nullable String next) {
    }

    @Serdeable
    @Schema(name = "RenewalDueEntry")
    public record RenewalDueEntry(UUID personId, UUID consentId, ConsentState status, ConsentBasis basis,
                           LocalDate renewalDueOn, RenewalReason renewalReason,
                           @Schema(description = "Days until the consent is overdue") long daysUntilDue,
                           int remindersSent) {

        static RenewalDueEntry of(Consent consent, LocalDate today) {
            return new RenewalDueEntry(consent.personId(), consent.id(), consent.state(), consent.given().basis(),
                    consent.renewalDue().on(), consent.renewalDue().reason(),
                    ChronoUnit.DAYS.between(today, consent.renewalDue().on()), consent.remindersSent());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "OverdueWorklist", description = "Overdue consents, nearest to removal first")
    public record Overdue(LocalDate today, List<OverdueEntry> entries, @Nullable String next) {
    }

    @Serdeable
    @Schema(name = "OverdueEntry")
    public record OverdueEntry(UUID personId, UUID consentId, ConsentBasis basis, RenewalReason renewalReason,
                        LocalDate overdueSince,
                        @Schema(description = "The day the person is removed from the register if not renewed")
                        LocalDate graceEndsOn,
                        long daysLeftBeforeRemoval,
                        int remindersSent) {

        static OverdueEntry of(Consent consent, LocalDate today) {
            Consent.Snapshot snapshot = consent.snapshot();
            return new OverdueEntry(snapshot.personId(), snapshot.id(), snapshot.given().basis(),
                    snapshot.renewalDue().reason(), snapshot.overdueSince(), snapshot.graceEndsOn(),
                    ConsentRenewalPolicy.daysLeftBeforeRemoval(snapshot.graceEndsOn(), today), snapshot.remindersSent());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "ClosedConsentsWorklist", description = "Consents that lapsed or were withdrawn in a month")
    public record Closed(String month, long lapsed, long withdrawn, List<ClosedEntry> entries, @Nullable String next) {
    }

    @Serdeable
    @Schema(name = "ClosedConsentEntry")
    public record ClosedEntry(UUID personId, UUID consentId, ConsentState outcome, LocalDate closedOn,
                       @Nullable ConsentWithdrawalReason withdrawalReason) {

        static ClosedEntry of(Consent consent) {
            Consent.Snapshot snapshot = consent.snapshot();
            boolean withdrawn = snapshot.state() == ConsentState.WITHDRAWN;
            return new ClosedEntry(snapshot.personId(), snapshot.id(), snapshot.state(),
                    withdrawn ? snapshot.withdrawal().on() : snapshot.lapsedOn(),
                    withdrawn ? snapshot.withdrawal().reason() : null);
        }
    }
}
