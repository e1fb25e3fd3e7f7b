package org.opendsr.risk.obligations.domain;

import java.time.Period;
import java.util.Objects;

import org.opendsr.contracts.common.LifeStage;
import org.opendsr.risk.shared.domain.InpatientSetting;

/**
 * How long each obligation has, as ISO-8601 periods ({@code dsr.risk.obligations.*}). Source: NHS England,
 * <i>Dynamic support register and Care (Education) and Treatment Review policy and guide</i> (2023) and the code of
 * practice (PRN00117); where that text gives no number the default is a local choice and says so. The research behind
 * each number and its confidence is in risk-service/README.md ("Obligations").
 *
 * @param communityCtr          RED: community C(E)TR (or LAEP). The policy asks for it before any admission and
 *                              gives no number of days: P14D is a local choice.
 * @param multiAgencyReview     AMBER: multi-agency meeting and/or C(E)TR. No national number: P28D, local choice.
 * @param ctrPartners           GREEN: record who would join a C(E)TR. No national number: P28D, local choice.
 * @param postAdmissionChild    BLUE, under 18: post-admission C(E)TR within 10 working days (NHSE CETR policy;
 *                              an interim CYP measure asks for 5 by exception). Periods cannot count working days,
 *                              so the default is P14D calendar days, which is 10 working days in a week without a
 *                              bank holiday.
 * @param postAdmissionAdult    BLUE, adult: post-admission CTR within 28 days (P28D, from the earlier CTR policy).
 * @param inpatientChild        BLUE, under 18: inpatient C(E)TR every 3 months (C(E)TR policy update 2021, kept 2023).
 * @param inpatientAdult        BLUE, adult: inpatient CTR every 6 months (same source).
 * @param inpatientSecure       BLUE, adult in a secure setting: every 12 months (same source).
 * @param oversightVisitChild   BLUE, under 18: commissioner oversight visit every 6 weeks (NHSE oversight visits, 2019-).
 * @param oversightVisitAdult   BLUE, adult: every 8 weeks (same source).
 * @param keyworkerReferral     0-25 and RED/AMBER/BLUE: keyworker referral. No national number: P14D, local choice.
 */
public record ObligationTimescales(Period communityCtr, Period multiAgencyReview, Period ctrPartners,
                                   Period postAdmissionChild, Period postAdmissionAdult,
                                   Period inpatientChild, Period inpatientAdult, Period inpatientSecure,
                                   Period oversightVisitChild, Period oversightVisitAdult,
                                   Period keyworkerReferral) {

    public static final Period DEFAULT_COMMUNITY_CTR = Period.ofDays(14);
    public static final Period DEFAULT_MULTI_AGENCY_REVIEW = Period.ofDays(28);
    public static final Period DEFAULT_CTR_PARTNERS = Period.ofDays(28);
    public static final Period DEFAULT_POST_ADMISSION_CHILD = Period.ofDays(14);
    public static final Period DEFAULT_POST_ADMISSION_ADULT = Period.ofDays(28);
    public static final Period DEFAULT_INPATIENT_CHILD = Period.ofMonths(3);
    public static final Period DEFAULT_INPATIENT_ADULT = Period.ofMonths(6);
    public static final Period DEFAULT_INPATIENT_SECURE = Period.ofMonths(12);
    public static final Period DEFAULT_OVERSIGHT_VISIT_CHILD = Period.ofWeeks(6);
    public static final Period DEFAULT_OVERSIGHT_VISIT_ADULT = Period.ofWeeks(8);
    public static final Period DEFAULT_KEYWORKER_REFERRAL = Period.ofDays(14);

    public ObligationTimescales {
        positive("community-ctr", communityCtr);
        positive("multi-agency-review", multiAgencyReview);
        positive("ctr-partners", ctrPartners);
        positive("post-admission-child", postAdmissionChild);
        positive("post-admission-adult", postAdmissionAdult);
        positive("inpatient-child", inpatientChild);
        positive("inpatient-adult", inpatientAdult);
        positive("inpatient-secure", inpatientSecure);
        positive("oversight-visit-child", oversightVisitChild);
        positive("oversight-visit-adult", oversightVisitAdult);
        positive("keyworker-referral", keyworkerReferral);
    }

    /** The defaults above. */
    public static ObligationTimescales nhsEnglandDefaults() {
        return new ObligationTimescales(DEFAULT_COMMUNITY_CTR, DEFAULT_MULTI_AGENCY_REVIEW, DEFAULT_CTR_PARTNERS,
                DEFAULT_POST_ADMISSION_CHILD, DEFAULT_POST_ADMISSION_ADULT, DEFAULT_INPATIENT_CHILD,
                DEFAULT_INPATIENT_ADULT, DEFAULT_INPATIENT_SECURE, DEFAULT_OVERSIGHT_VISIT_CHILD,
                DEFAULT_OVERSIGHT_VISIT_ADULT, DEFAULT_KEYWORKER_REFERRAL);
    }

    public Period postAdmissionCtr(LifeStage lifeStage) {
        return lifeStage == LifeStage.CHILD ? postAdmissionChild : postAdmissionAdult;
    }

    /**
     * How often an inpatient C(E)TR comes round. The 12-monthly rule is for adults in secure services: a child's is
     * 3-monthly wherever they are. An unknown setting counts as not secure, the more frequent of the two.
     */
    public Period inpatientCtr(LifeStage lifeStage, InpatientSetting setting) {
        if (lifeStage == LifeStage.CHILD) {
            return inpatientChild;
        }
        return setting == InpatientSetting.SECURE ? inpatientSecure : inpatientAdult;
    }

    public Period oversightVisit(LifeStage lifeStage) {
        return lifeStage == LifeStage.CHILD ? oversightVisitChild : oversightVisitAdult;
    }

    private static void positive(String name, Period period) {
        Objects.requireNonNull(period, name);
        if (period.isZero() || period.getYears() < 0 || period.getMonths() < 0 || period.getDays() < 0) {
            throw new IllegalArgumentException("dsr.risk.obligations." + name + " must be a positive period, e.g. P14D");
        }
    }
}
