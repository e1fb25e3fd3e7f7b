package org.opendsr.reporting.measures.domain;

/**
 * What a measure's figures are broken down by. {@link #TOTAL} is the whole ICB in one cell; the others are the
 * attributes the pseudonymised store keeps (DOMAIN.md, "Reporting"). A person whose attribute is not known yet (their
 * referral event has not arrived, or the referrer did not say) is counted under {@link #NOT_RECORDED}, never dropped.
 */
public enum Dimension {
    TOTAL,
    LOCALITY,
    AGE_BAND,
    LIFE_STAGE,
    DIAGNOSIS,
    ETHNIC_CATEGORY,
    REFERRAL_SOURCE,
    /** A recommended service's type (meeting-service's catalogue code): the service gaps. */
    SERVICE_TYPE;

    /** The one category of {@link #TOTAL}. */
    public static final String ALL = "ALL";
    /** The category of a person whose attribute is not known. */
    public static final String NOT_RECORDED = "NOT_RECORDED";
}
