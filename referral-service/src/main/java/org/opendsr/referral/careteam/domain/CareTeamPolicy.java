package org.opendsr.referral.careteam.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.opendsr.contracts.access.CareTeamRole;
import org.opendsr.contracts.referral.ReferralRoute;

/**
 * When the memberships that follow from the record start and end (Caldicott principle 4: access only while there is a
 * need to know; issue 11, finding 1: access can never be self-granted).
 *
 * <ul>
 *   <li>REFERRER: a professional who referred is in the team from the DSR team's first contact, which is when the
 *       DSR team has checked who the person is. Before that a referral gives its author nothing, so a referral for
 *       someone already known looks exactly like one for someone new. It ends when the referral is declined or
 *       withdrawn, or when the register entry it opened closes. Self, family and agency referrals have no
 *       professional referrer to add.</li>
 *   <li>RESPONSIBLE_PROFESSIONAL: while the open register entry names them; it ends when the entry is re-allocated,
 *       left unallocated or closed.</li>
 * </ul>
 * Key professionals (confirmed requests), providing agencies and break-glass reads are started and ended by people,
 * not derived here.
 */
public final class CareTeamPolicy {

    /** Why a derived membership ended. */
    public enum EndReason {
        REFERRAL_DECLINED, REFERRAL_WITHDRAWN, LEFT_THE_REGISTER, NO_LONGER_RESPONSIBLE,
        /** No referral in hand and not on the register: nobody's place in the person's care has a reason left. */
        LEFT_THE_DSR
    }

    /** The memberships to start and to end for the record to be followed. */
    public record Changes(List<Membership> started, List<Membership> ended) {
        public boolean isEmpty() {
            return started.isEmpty() && ended.isEmpty();
        }
    }

    private CareTeamPolicy() {
    }

    public static Changes follow(java.util.UUID personId, CareFacts facts, List<Membership> current, Instant now,
                                 String by) {
        List<Membership> started = new ArrayList<>();
        List<Membership> ended = new ArrayList<>();
        for (CareFacts.ReferralFact referral : facts.referrals()) {
            if (referral.route() != ReferralRoute.PROFESSIONAL) {
                continue;
            }
            Optional<Membership> held = current.stream()
                    .filter(m -> m.role() == CareTeamRole.REFERRER && referral.referralId().equals(m.referralId()))
                    .filter(m -> !m.isEnded())
                    .findFirst();
            boolean due = referral.contacted() && referral.inHand();
            if (due && held.isEmpty()) {
                started.add(Membership.start(personId, referral.referredBy(), CareTeamRole.REFERRER,
                        "referred the person; the DSR team made first contact", referral.referralId(), null, now, by,
                        null));
            } else if (!due && held.isPresent()) {
                ended.add(held.get().end(now, by, referrerEndReason(referral).name()));
            }
        }
        for (Membership membership : current) {
            if (membership.role() != CareTeamRole.RESPONSIBLE_PROFESSIONAL || membership.isEnded()) {
                continue;
            }
            boolean stillNamed = Objects.equals(membership.registerEntryId(), facts.openEntryId())
                    && membership.subject().equals(facts.responsibleProfessional());
            if (!stillNamed) {
                ended.add(membership.end(now, by, (Objects.equals(membership.registerEntryId(), facts.openEntryId())
                        ? EndReason.NO_LONGER_RESPONSIBLE : EndReason.LEFT_THE_REGISTER).name()));
            }
        }
        if (facts.openEntryId() != null && facts.responsibleProfessional() != null
                && current.stream().noneMatch(m -> m.role() == CareTeamRole.RESPONSIBLE_PROFESSIONAL && !m.isEnded()
                        && facts.openEntryId().equals(m.registerEntryId())
                        && m.subject().equals(facts.responsibleProfessional()))) {
            started.add(Membership.start(personId, facts.responsibleProfessional(),
                    CareTeamRole.RESPONSIBLE_PROFESSIONAL, "named responsible on the register entry", null,
                    facts.openEntryId(), now, by, null));
        }
        // A key professional's or a providing agency's place is for the person's care while the DSR has them: when no
        // referral is in hand and they are not on the register, it ends too (a membership ends when its reason does).
        boolean inTheDsrsCare = facts.openEntryId() != null || facts.referrals().stream().anyMatch(
                CareFacts.ReferralFact::inHand);
        if (!inTheDsrsCare) {
            for (Membership membership : current) {
                if ((membership.role() == CareTeamRole.KEY_PROFESSIONAL
                        || membership.role() == CareTeamRole.PROVIDING_AGENCY) && !membership.isEnded()) {
                    ended.add(membership.end(now, by, EndReason.LEFT_THE_DSR.name()));
                }
            }
        }
        return new Changes(List.copyOf(started), List.copyOf(ended));
    }

    private static EndReason referrerEndReason(CareFacts.ReferralFact referral) {
        if ("DECLINED".equals(referral.closedAs())) {
            return EndReason.REFERRAL_DECLINED;
        }
        if ("WITHDRAWN".equals(referral.closedAs())) {
            return EndReason.REFERRAL_WITHDRAWN;
        }
        return EndReason.LEFT_THE_REGISTER;
    }
}
