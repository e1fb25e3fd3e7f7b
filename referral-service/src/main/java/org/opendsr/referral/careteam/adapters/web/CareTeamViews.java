package org.opendsr.referral.careteam.adapters.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.opendsr.contracts.access.CareTeamRole;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.referral.careteam.application.ManagingCareTeams;
import org.opendsr.referral.careteam.domain.JoinRequest;
import org.opendsr.referral.careteam.domain.Membership;

/** What the care-team endpoints take and return. Subjects are staff identities (token {@code sub}), no names. */
final class CareTeamViews {

    private CareTeamViews() {
    }

    @Serdeable
    @Schema(name = "CareTeamMembership")
    record MembershipView(UUID membershipId, UUID personId, String subject, CareTeamRole role, String reason,
                          @Nullable UUID referralId, @Nullable UUID registerEntryId, Instant from, String startedBy,
                          @Schema(description = "When it ended, or when a break-glass read runs out")
                          @Nullable Instant to, @Nullable String endedBy, @Nullable String endReason,
                          @Nullable Instant reviewedAt, @Nullable String reviewedBy) {

        static MembershipView of(Membership m) {
            return new MembershipView(m.id(), m.personId(), m.subject(), m.role(), m.reason(), m.referralId(),
                    m.registerEntryId(), m.startedAt(), m.startedBy(), m.to(), m.endedBy(), m.endReason(),
                    m.reviewedAt(), m.reviewedBy());
        }
    }

    @Serdeable
    @Schema(name = "CareTeamRequest")
    record RequestView(UUID requestId, UUID personId, String subject, String requestedBy, Instant requestedAt,
                       @Nullable UUID referralId) {

        static RequestView of(JoinRequest r) {
            return new RequestView(r.id(), r.personId(), r.subject(), r.requestedBy(), r.requestedAt(),
                    r.referralId());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "CareTeam")
    record CareTeamView(UUID personId, List<MembershipView> current, List<MembershipView> past,
                        List<RequestView> pendingRequests) {

        static CareTeamView of(ManagingCareTeams.CareTeamView team, Instant now) {
            return new CareTeamView(team.personId(),
                    team.memberships().stream().filter(m -> m.inForce(now)).map(MembershipView::of).toList(),
                    team.memberships().stream().filter(m -> !m.inForce(now)).map(MembershipView::of).toList(),
                    team.pendingRequests().stream().map(RequestView::of).toList());
        }
    }

    /** One keyset page: pass {@code next} back as {@code after} for the following page (null on the last). */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "KeysetPage")
    record KeysetPage<T>(List<T> items, @Nullable String next) {
    }

    @Serdeable
    @Schema(name = "Reason")
    record ReasonRequest(@NotBlank @Size(max = 1000) String reason) {
    }

    @Serdeable
    @Schema(name = "ProvidingAgency")
    record ProvidingAgencyRequest(@NotBlank @Size(max = 200) String agencyId) {
    }

    /** A keyset cursor: the instant and id of the last item of the page before. */
    record Cursor(Instant at, UUID id) {

        static String of(Instant at, UUID id) {
            return at.toString() + "_" + id;
        }

        static @Nullable Cursor parse(@Nullable String after) {
            if (after == null || after.isBlank()) {
                return null;
            }
            int split = after.lastIndexOf('_');
            try {
                return new Cursor(Instant.parse(after.substring(0, split)), UUID.fromString(after.substring(split + 1)));
            } catch (RuntimeException e) {
                throw RuleBroken.invalid("after", "is not a cursor this API returned as next");
            }
        }
    }

    static int size(int size) {
        if (size < 1 || size > ManagingCareTeams.MAX_PAGE_SIZE) {
            throw RuleBroken.invalid("size", "must be between 1 and " + ManagingCareTeams.MAX_PAGE_SIZE);
        }
        return size;
    }
}
