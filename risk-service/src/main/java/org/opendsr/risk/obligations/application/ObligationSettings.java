package org.opendsr.risk.obligations.application;

import java.time.Period;
import java.time.format.DateTimeParseException;

import io.micronaut.context.annotation.ConfigurationProperties;
import org.opendsr.risk.obligations.domain.ObligationTimescales;

/**
 * {@code dsr.risk.obligations.*}: how long each obligation has, as ISO-8601 periods (e.g.
 * {@code DSR_RISK_OBLIGATIONS_COMMUNITY_CTR=P10D}). Defaults and their sources: {@link ObligationTimescales} and
 * risk-service/README.md ("Obligations"). A bad value stops the service at start-up, naming the setting.
 */
@ConfigurationProperties("dsr.risk.obligations")
public class ObligationSettings {

    private String communityCtr = ObligationTimescales.DEFAULT_COMMUNITY_CTR.toString();
    private String multiAgencyReview = ObligationTimescales.DEFAULT_MULTI_AGENCY_REVIEW.toString();
    private String ctrPartners = ObligationTimescales.DEFAULT_CTR_PARTNERS.toString();
    private String postAdmissionChild = ObligationTimescales.DEFAULT_POST_ADMISSION_CHILD.toString();
    private String postAdmissionAdult = ObligationTimescales.DEFAULT_POST_ADMISSION_ADULT.toString();
    private String inpatientChild = ObligationTimescales.DEFAULT_INPATIENT_CHILD.toString();
    private String inpatientAdult = ObligationTimescales.DEFAULT_INPATIENT_ADULT.toString();
    private String inpatientSecure = ObligationTimescales.DEFAULT_INPATIENT_SECURE.toString();
    private String oversightVisitChild = ObligationTimescales.DEFAULT_OVERSIGHT_VISIT_CHILD.toString();
    private String oversightVisitAdult = ObligationTimescales.DEFAULT_OVERSIGHT_VISIT_ADULT.toString();
    private String keyworkerReferral = ObligationTimescales.DEFAULT_KEYWORKER_REFERRAL.toString();

    public ObligationTimescales timescales() {
        return new ObligationTimescales(period("community-ctr", communityCtr),
                period("multi-agency-review", multiAgencyReview), period("ctr-partners", ctrPartners),
                period("post-admission-child", postAdmissionChild), period("post-admission-adult", postAdmissionAdult),
                period("inpatient-child", inpatientChild), period("inpatient-adult", inpatientAdult),
                period("inpatient-secure", inpatientSecure), period("oversight-visit-child", oversightVisitChild),
                period("oversight-visit-adult", oversightVisitAdult), period("keyworker-referral", keyworkerReferral));
    }

    private static Period period(String name, String value) {
        try {
            return Period.parse(value.strip());
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException("dsr.risk.obligations." + name
                    + " must be an ISO-8601 period such as P14D, P6W or P3M", e);
        }
    }

    public String getCommunityCtr() {
        return communityCtr;
    }

    public void setCommunityCtr(String communityCtr) {
        this.communityCtr = communityCtr;
    }

    public String getMultiAgencyReview() {
        return multiAgencyReview;
    }

    public void setMultiAgencyReview(String multiAgencyReview) {
        this.multiAgencyReview = multiAgencyReview;
    }

    public String getCtrPartners() {
        return ctrPartners;
    }

    public void setCtrPartners(String ctrPartners) {
        this.ctrPartners = ctrPartners;
    }

    public String getPostAdmissionChild() {
        return postAdmissionChild;
    }

    public void setPostAdmissionChild(String postAdmissionChild) {
        this.postAdmissionChild = postAdmissionChild;
    }

    public String getPostAdmissionAdult() {
        return postAdmissionAdult;
    }

    public void setPostAdmissionAdult(String postAdmissionAdult) {
        this.postAdmissionAdult = postAdmissionAdult;
    }

    public String getInpatientChild() {
        return inpatientChild;
    }

    public void setInpatientChild(String inpatientChild) {
        this.inpatientChild = inpatientChild;
    }

    public String getInpatientAdult() {
        return inpatientAdult;
    }

    public void setInpatientAdult(String inpatientAdult) {
        this.inpatientAdult = inpatientAdult;
    }

    public String getInpatientSecure() {
        return inpatientSecure;
    }

    public void setInpatientSecure(String inpatientSecure) {
        this.inpatientSecure = inpatientSecure;
    }

    public String getOversightVisitChild() {
        return oversightVisitChild;
    }

    public void setOversightVisitChild(String oversightVisitChild) {
        this.oversightVisitChild = oversightVisitChild;
    }

    public String getOversightVisitAdult() {
        return oversightVisitAdult;
    }

    public void setOversightVisitAdult(String oversightVisitAdult) {
        this.oversightVisitAdult = oversightVisitAdult;
    }

    public String getKeyworkerReferral() {
        return keyworkerReferral;
    }

    public void setKeyworkerReferral(String keyworkerReferral) {
        this.keyworkerReferral = keyworkerReferral;
    }
}
