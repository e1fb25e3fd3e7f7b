package org.opendsr.referral.lifecycle.domain;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.opendsr.kit.rules.RuleBroken;

/**
 * The moves a referral may make. The DSR team contacts every referral first (within the first-contact deadline),
 * assesses it against the criteria and gives it an outcome, also when it is declined; the referrer, the person or
 * the family may withdraw it at any time before the outcome. An outcome is final: a later need is a new referral.
 *
 * <p>A self or family referral starts as a minimal first contact and is completed by the DSR team (date of birth,
 * locality, the minimum data set) before anything but withdrawal can happen to it.
 */
public final class ReferralLifecycle {

    private static final Map<ReferralStatus, Set<ReferralStatus>> ALLOWED = Map.of(
            ReferralStatus.RECEIVED, EnumSet.of(ReferralStatus.CONTACTED, ReferralStatus.WITHDRAWN),
            ReferralStatus.CONTACTED, EnumSet.of(ReferralStatus.ACCEPTED, ReferralStatus.DECLINED,
                    ReferralStatus.WITHDRAWN),
            ReferralStatus.ACCEPTED, EnumSet.noneOf(ReferralStatus.class),
            ReferralStatus.DECLINED, EnumSet.noneOf(ReferralStatus.class),
            ReferralStatus.WITHDRAWN, EnumSet.noneOf(ReferralStatus.class));

    private ReferralLifecycle() {
    }

    public static boolean allows(ReferralStatus from, ReferralStatus to, boolean complete) {
        if (!complete && to != ReferralStatus.WITHDRAWN) {
            return false;
        }
        return ALLOWED.get(from).contains(to);
    }

    /** Refuses a move the lifecycle does not allow, saying why in words the DSR team can act on. */
    public static void check(ReferralStatus from, ReferralStatus to, boolean complete) {
        if (allows(from, to, complete)) {
            return;
        }
        if (!from.isOpen()) {
            throw RuleBroken.conflict("referral-closed", "The referral already has its outcome",
                    "the referral is " + from + "; an outcome is final, so a new need is a new referral");
        }
        if (!complete) {
            throw RuleBroken.conflict("referral-incomplete", "The referral is not complete yet",
                    "a self or family referral is completed by the DSR team (date of birth, locality and the minimum"
                            + " data set) before it can be " + to);
        }
        if (from == to) {
            throw RuleBroken.conflict("referral-transition-not-allowed", "The referral cannot make that move",
                    "the referral is already " + from);
        }
        throw RuleBroken.conflict("referral-transition-not-allowed", "The referral cannot make that move",
                "a referral that is " + from + " cannot be " + to
                        + (from == ReferralStatus.RECEIVED ? ": the DSR team makes first contact before an outcome" : ""));
    }
}
