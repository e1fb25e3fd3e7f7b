package org.opendsr.referral.admissions.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import org.opendsr.kit.rules.RuleBroken;

/**
 * An agency's report that someone was admitted to a mental health hospital, which the DSR could not pass on as an
 * admission of someone it follows: nobody holds that NHS number and date of birth, or the person is known but the
 * agency neither referred them nor provides their care. The DSR team looks into it ("admission reported, not on the
 * register") and resolves it once: {@link #referred} (they made a referral, through the professional referral API)
 * or {@link #closed} with a reason (e.g. not a DSR person, already known to the care team, reported in error).
 *
 * @param personId   the person the DSR holds with that NHS number and date of birth, or null for nobody
 * @param onRegister whether that person had an open register entry when the report came
 * @param area       the area whose DSR team sees a report about nobody known (the agency's), or null for every area
 */
public record AdmissionReport(UUID id, String nhsNumber, LocalDate dateOfBirth, LocalDate admittedOn,
                              String hospital, String reportedBy, Instant receivedAt, UUID personId,
                              boolean onRegister, String area, Resolution resolution) {

    /** How the DSR team resolved a report; null while it is open. */
    public record Resolution(Outcome outcome, UUID referralId, String reason, String resolvedBy, Instant resolvedAt) {

        public Resolution {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(resolvedBy, "resolvedBy");
            Objects.requireNonNull(resolvedAt, "resolvedAt");
        }

        @Override
        public String toString() {
            return "Resolution[" + outcome + ", referralId=" + referralId + ", reason redacted]";
        }
    }

    public enum Outcome {
        /** The DSR team referred the person (the referral is linked). */
        REFERRED,
        /** Closed without a referral, with the DSR team's reason. */
        CLOSED
    }

    public AdmissionReport {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(nhsNumber, "nhsNumber");
        Objects.requireNonNull(dateOfBirth, "dateOfBirth");
        Objects.requireNonNull(admittedOn, "admittedOn");
        Objects.requireNonNull(reportedBy, "reportedBy");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    /** A report as it came, open. Refused (to the agency's dead-letter topic) if the dates cannot both be right. */
    public static AdmissionReport received(UUID id, String nhsNumber, LocalDate dateOfBirth, LocalDate admittedOn,
                                           String hospital, String reportedBy, Instant receivedAt, UUID personId,
                                           boolean onRegister, String area) {
        checkDates(dateOfBirth, admittedOn);
        return new AdmissionReport(id, nhsNumber, dateOfBirth, admittedOn, blankToNull(hospital), reportedBy,
                receivedAt, personId, onRegister, area, null);
    }

    /**
     * Nobody is admitted before they are born. Checked for every admission report before the person is looked up,
     * so that the refusal tells the agency nothing about who is known.
     */
    public static void checkDates(LocalDate dateOfBirth, LocalDate admittedOn) {
        if (dateOfBirth.isAfter(admittedOn)) {
            // Says which fields, never their values: the reason is a dead-letter header.
            throw RuleBroken.invalid("dateOfBirth", "must be on or before admittedOn");
        }
    }

    public boolean isOpen() {
        return resolution == null;
    }

    /** The DSR team referred the person: the referral they made is linked, and so is its person. */
    public AdmissionReport referred(UUID referralId, UUID referralPersonId, String by, Instant at) {
        requireOpen();
        return new AdmissionReport(id, nhsNumber, dateOfBirth, admittedOn, hospital, reportedBy, receivedAt,
                referralPersonId, onRegister, area, new Resolution(Outcome.REFERRED,
                Objects.requireNonNull(referralId, "referralId"), null, by, at));
    }

    /** Closed without a referral, for the reason the DSR team gives. */
    public AdmissionReport closed(String reason, String by, Instant at) {
        requireOpen();
        if (reason == null || reason.isBlank()) {
            throw RuleBroken.invalid("reason", "must not be blank");
        }
        return new AdmissionReport(id, nhsNumber, dateOfBirth, admittedOn, hospital, reportedBy, receivedAt,
                personId, onRegister, area, new Resolution(Outcome.CLOSED, null, reason.trim(), by, at));
    }

    private void requireOpen() {
        if (!isOpen()) {
            throw RuleBroken.conflict("admission-report-resolved", "Already resolved",
                    "this admission report was already " + resolution.outcome().name().toLowerCase()
                            + "; a report is resolved once");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    /** Carries personal data: never printed, even by mistake. */
    @Override
    public String toString() {
        return "AdmissionReport[id=" + id + ", personId=" + personId + ", personal data redacted]";
    }
}
