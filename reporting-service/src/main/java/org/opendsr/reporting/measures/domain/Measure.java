package org.opendsr.reporting.measures.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.opendsr.contracts.common.RagRating;
import org.opendsr.contracts.referral.DeclineReason;
import org.opendsr.contracts.referral.KeyworkerSuggestionReason;
import org.opendsr.contracts.referral.RemovalReason;
import org.opendsr.contracts.risk.ObligationKind;

/**
 * The commissioners' measures (issue 14, DOMAIN.md "Reporting"), each a monthly series. A measure's cells are keyed by
 * a group (a rating, a reason, a status; {@code ALL} where it has none), a {@link Dimension} and a category of that
 * dimension. The groups are closed lists so that every one is shown, 0 where it is 0.
 */
public enum Measure {
    REGISTER_BY_RATING("register-by-rating", "People on the register by rating", Unit.COUNT,
            groups(Stream.concat(names(RagRating.values()), Stream.of(Measure.NOT_RATED))), PERSON_DIMENSIONS()),
    REFERRALS_RECEIVED("referrals-received", "Referrals received", Unit.COUNT, List.of(Measure.ALL),
            PERSON_DIMENSIONS()),
    REFERRALS_ACCEPTED("referrals-accepted", "Referrals accepted: people joining the register", Unit.COUNT,
            List.of(Measure.ALL), PERSON_DIMENSIONS()),
    REFERRALS_DECLINED("referrals-declined", "Referrals declined, by reason", Unit.COUNT,
            groups(names(DeclineReason.values())), PERSON_DIMENSIONS()),
    LEFT_REGISTER("left-register", "People leaving the register, by reason", Unit.COUNT,
            groups(names(RemovalReason.values())), PERSON_DIMENSIONS()),
    TIME_TO_DECISION("time-to-decision", "Days from referral to decision", Unit.DAYS,
            List.of("ACCEPTED", "DECLINED"), PERSON_DIMENSIONS()),
    FIRST_CONTACT_ON_TIME("first-contact-on-time", "First contact within 5 working days", Unit.PERCENT,
            List.of(Measure.ALL), PERSON_DIMENSIONS()),
    UPDATES_ON_TIME("updates-on-time", "Updates falling due in the month posted on time for the rating's cadence",
            Unit.PERCENT, List.of(Measure.ALL), PERSON_DIMENSIONS()),
    REVIEWS_ON_TIME("reviews-on-time", "Review obligations falling due in the month met on time (C(E)TRs, "
            + "multi-agency reviews, oversight visits)", Unit.PERCENT,
            groups(names(ObligationKind.values()).filter(kind -> !kind.equals(ObligationKind.KEYWORKER_REFERRAL.name()))),
            PERSON_DIMENSIONS()),
    CONSENT_STATUS("consent-status", "Consent: active and overdue at month end, lapsed and withdrawn in the month",
            Unit.COUNT, List.of("ACTIVE", "OVERDUE", "LAPSED", "WITHDRAWN"), PERSON_DIMENSIONS()),
    ADMISSIONS("admissions", "Admissions of people on and not on the register when admitted", Unit.COUNT,
            List.of(Measure.ON_REGISTER, Measure.NOT_ON_REGISTER), PERSON_DIMENSIONS()),
    DISCHARGES("discharges", "Discharges of people on and not on the register when discharged", Unit.COUNT,
            List.of(Measure.ON_REGISTER, Measure.NOT_ON_REGISTER), PERSON_DIMENSIONS()),
    KEYWORKER_REFERRALS_SUGGESTED("keyworker-referrals-suggested", "Keyworker referrals suggested, by reason",
            Unit.COUNT, groups(names(KeyworkerSuggestionReason.values())), PERSON_DIMENSIONS()),
    SERVICE_RECOMMENDATIONS("service-recommendations", "Service recommendations made, met and unmet: the service gaps",
            Unit.COUNT, List.of("MADE", "MET", "UNMET"),
            List.of(Dimension.TOTAL, Dimension.SERVICE_TYPE, Dimension.LOCALITY)),
    TIME_ON_REGISTER("time-on-register", "Days on the register of the people on it at month end (average and longest)",
            Unit.DAYS, List.of(Measure.ALL), PERSON_DIMENSIONS());

    public static final String ALL = "ALL";
    public static final String NOT_RATED = "NOT_RATED";
    public static final String ON_REGISTER = "ON_REGISTER";
    public static final String NOT_ON_REGISTER = "NOT_ON_REGISTER";

    private final String id;
    private final String title;
    private final Unit unit;
    private final List<String> groups;
    private final List<Dimension> dimensions;

    Measure(String id, String title, Unit unit, List<String> groups, List<Dimension> dimensions) {
        this.id = id;
        this.title = title;
        this.unit = unit;
        this.groups = groups;
        this.dimensions = dimensions;
    }

    /** The measure's name in URLs, JSON and CSV. */
    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public Unit unit() {
        return unit;
    }

    /** Every group, in the order they are shown. */
    public List<String> groups() {
        return groups;
    }

    /** The breakdowns this measure is published by, {@link Dimension#TOTAL} first. */
    public List<Dimension> dimensions() {
        return dimensions;
    }

    /**
     * Whether a group is a stock or a flow. Consent is both: ACTIVE and OVERDUE are who stands so at month end;
     * LAPSED and WITHDRAWN are whose consent ended in the month (at month end they are no longer on the register).
     */
    public Timing timing(String group) {
        return switch (this) {
            case REGISTER_BY_RATING, TIME_ON_REGISTER -> Timing.AT_MONTH_END;
            case CONSENT_STATUS -> "ACTIVE".equals(group) || "OVERDUE".equals(group)
                    ? Timing.AT_MONTH_END : Timing.IN_MONTH;
            default -> Timing.IN_MONTH;
        };
    }

    public static Optional<Measure> byId(String id) {
        return Arrays.stream(values()).filter(measure -> measure.id.equals(id)).findFirst();
    }

    @SuppressWarnings("checkstyle:MethodName")
    private static List<Dimension> PERSON_DIMENSIONS() {
        return List.of(Dimension.TOTAL, Dimension.LOCALITY, Dimension.AGE_BAND, Dimension.LIFE_STAGE,
                Dimension.DIAGNOSIS, Dimension.ETHNIC_CATEGORY, Dimension.REFERRAL_SOURCE);
    }

    private static Stream<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name);
    }

    private static List<String> groups(Stream<String> names) {
        return names.toList();
    }
}
