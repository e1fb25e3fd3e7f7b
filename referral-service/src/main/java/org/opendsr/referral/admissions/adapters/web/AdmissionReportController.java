package org.opendsr.referral.admissions.adapters.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
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
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.referral.access.adapters.web.Purposes;
import org.opendsr.referral.access.domain.AccessPurpose;
import org.opendsr.referral.admissions.application.ResolvingAdmissionReports;
import org.opendsr.referral.admissions.domain.AdmissionReport;
import org.opendsr.referral.shared.adapters.web.Paged;
import org.opendsr.referral.shared.application.PageRequest;

/**
 * The DSR team's worklist "admission reported, not on the register" (issue 14): agencies' admission reports about
 * someone the DSR does not know or whom the agency is not linked to. Only the DSR team and leads
 * ({@link ResolvingAdmissionReports} says who sees which report, and why nobody else does); the team resolves each
 * once, by linking the referral they made through {@code POST /referrals}, or by closing it with a reason.
 */
@Controller("/worklists/admissions/not-on-register")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({DsrRoles.DSR_TEAM, DsrRoles.DSR_LEAD})
@Tag(name = "Worklists")
public class AdmissionReportController {

    /** One report as the agency sent it, and what the DSR found when it came (nulls shown: nobody known, ...). */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "AdmissionReportNotOnRegister")
    public record ReportView(UUID reportId, String nhsNumber, LocalDate dateOfBirth, LocalDate admittedOn,
                             @Nullable String hospital,
                             @Schema(description = "The agency system that reported it, e.g. /agency/wiltshire-council")
                             String reportedBy,
                             Instant receivedAt,
                             @Nullable @Schema(description = "The person the DSR holds with this NHS number and date of"
                                     + " birth, when the report came from an agency not linked to them (null: nobody)")
                             UUID knownPersonId,
                             @Schema(description = "Whether that person was on the register when the report came")
                             boolean onRegisterWhenReported,
                             @Nullable @Schema(description = "The reporting agency's area, for a report about nobody"
                                     + " known (null: every area's team)")
                             String area,
                             @Nullable @Schema(description = "REFERRED or CLOSED once resolved") String resolution,
                             @Nullable UUID referralId) {

        static ReportView of(AdmissionReport report) {
            AdmissionReport.Resolution resolution = report.resolution();
            return new ReportView(report.id(), report.nhsNumber(), report.dateOfBirth(), report.admittedOn(),
                    report.hospital(), report.reportedBy(), report.receivedAt(), report.personId(),
                    report.onRegister(), report.area(), resolution == null ? null : resolution.outcome().name(),
                    resolution == null ? null : resolution.referralId());
        }

        @Override
        public String toString() {
            return "ReportView[reportId=" + reportId + ", personal data redacted]";
        }
    }

    @Serdeable
    @Schema(name = "AdmissionReportReferral")
    public record ReferralLink(@NotNull @Schema(description = "The referral the DSR team made for the reported person"
            + " through POST /referrals") UUID referralId) {
    }

    @Serdeable
    @Schema(name = "AdmissionReportClosure")
    public record Closure(@NotBlank @Size(max = 1000) String reason) {
        @Override
        public String toString() {
            return "Closure[reason redacted]";
        }
    }

    static final String AFTER = "The next of the page before; leave out for the first page";

    private final ResolvingAdmissionReports resolving;

    public AdmissionReportController(ResolvingAdmissionReports resolving) {
        this.resolving = resolving;
    }

    @Get
    @Operation(summary = "Agencies' admission reports about someone not on the register (or whom the agency is not"
            + " linked to), oldest first, for the DSR team to refer or close")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public Paged<ReportView> open(@Nullable @QueryValue @Parameter(description = AFTER) String after,
                                  @QueryValue(defaultValue = "50") @Min(1) @Max(PageRequest.MAX_LIMIT) int limit,
                                  Caller caller) {
        return Paged.of(resolving.open(Paged.request(after, limit, null), caller,
                Purposes.stated(caller, AccessPurpose.REFERRAL_MANAGEMENT)).map(ReportView::of));
    }

    @Post("/{reportId}/referral")
    @Operation(summary = "Resolve the report as referred: link the referral the DSR team made (POST /referrals) for"
            + " the reported person (409 referral-about-someone-else if its person has another NHS number)")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public ReportView referred(@PathVariable UUID reportId, @Valid @Body ReferralLink request, Caller caller) {
        AccessPurpose purpose = Purposes.stated(caller, AccessPurpose.REFERRAL_MANAGEMENT);
        return ReportView.of(resolving.referred(reportId, request.referralId(), caller, purpose));
    }

    @Post("/{reportId}/closure")
    @Operation(summary = "Resolve the report without a referral, with the DSR team's reason")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public ReportView closed(@PathVariable UUID reportId, @Valid @Body Closure request, Caller caller) {
        AccessPurpose purpose = Purposes.stated(caller, AccessPurpose.REFERRAL_MANAGEMENT);
        return ReportView.of(resolving.closed(reportId, request.reason(), caller, purpose));
    }
}
