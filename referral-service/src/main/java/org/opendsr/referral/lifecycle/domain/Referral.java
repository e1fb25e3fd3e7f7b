package org.opendsr.referral.lifecycle.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import org.opendsr.contracts.referral.DeclineReason;
import org.opendsr.contracts.referral.ReferralRoute;
import org.opendsr.contracts.referral.WithdrawalReason;
import org.opendsr.kit.rules.GivenOrLeftOut;
import org.opendsr.kit.rules.RuleBroken;

/**
 * A referral to the DSR and the moves it makes ({@link ReferralLifecycle}): received, first contact, then accepted,
 * declined or withdrawn. A self or family referral is received as a minimal first contact and completed by the DSR
 * team before anything but withdrawal can happen to it. Each move checks its rules and returns what changed.
 *
 * <p>{@code referredBy} is the referrer's DSR user id, or the agency system's CloudEvents source for an agency
 * referral.
 */
public final class Referral {

    private final UUID id;
    private final UUID personId;
    private final ReferralRoute route;
    private final String referredBy;
    private final String referrerOrganisation;
    private final Instant receivedAt;
    private final LocalDate firstContactDueOn;
    private final AgencyReferrer agencyReferrer;
    private final String professionalEmail;
    private ReferralStatus status;
    private boolean complete;
    private MinimumDataSet minimumDataSet;
    private Instant contactedAt;
    private String contactedBy;
    private Instant closedAt;
    private String closedBy;
    private DeclineReason declineReason;
    private WithdrawalReason withdrawalReason;
    private String outcomeNotes;

    /** A referral as it was saved; nothing is checked (use {@link #received} for a new one). */
    public Referral(UUID id, UUID personId, ReferralRoute route, ReferralStatus status, boolean complete,
                    MinimumDataSet minimumDataSet, String referredBy, String referrerOrganisation, Instant receivedAt,
                    LocalDate firstContactDueOn, Instant contactedAt, String contactedBy, Instant closedAt,
                    String closedBy, DeclineReason declineReason, WithdrawalReason withdrawalReason,
                    String outcomeNotes, AgencyReferrer agencyReferrer) {
        this(id, personId, route, status, complete, minimumDataSet, referredBy, referrerOrganisation, receivedAt,
                firstContactDueOn, contactedAt, contactedBy, closedAt, closedBy, declineReason, withdrawalReason,
                outcomeNotes, agencyReferrer, null);
    }

    /** The same, with the professional referrer's work e-mail (their token's claim at intake), when there is one. */
    public Referral(UUID id, UUID personId, ReferralRoute route, ReferralStatus status, boolean complete,
                    MinimumDataSet minimumDataSet, String referredBy, String referrerOrganisation, Instant receivedAt,
                    LocalDate firstContactDueOn, Instant contactedAt, String contactedBy, Instant closedAt,
                    String closedBy, DeclineReason declineReason, WithdrawalReason withdrawalReason,
                    String outcomeNotes, AgencyReferrer agencyReferrer, String professionalEmail) {
        this.id = Objects.requireNonNull(id, "id");
        this.personId = Objects.requireNonNull(personId, "personId");
        this.route = Objects.requireNonNull(route, "route");
        this.status = Objects.requireNonNull(status, "status");
        this.complete = complete;
        this.minimumDataSet = minimumDataSet;
        this.referredBy = Objects.requireNonNull(referredBy, "referredBy");
        this.referrerOrganisation = referrerOrganisation;
        this.receivedAt = Objects.requireNonNull(receivedAt, "receivedAt");
        this.firstContactDueOn = Objects.requireNonNull(firstContactDueOn, "firstContactDueOn");
        this.contactedAt = contactedAt;
        this.contactedBy = contactedBy;
        this.closedAt = closedAt;
        this.closedBy = closedBy;
        this.declineReason = declineReason;
        this.withdrawalReason = withdrawalReason;
        this.outcomeNotes = outcomeNotes;
        this.agencyReferrer = agencyReferrer;
        this.professionalEmail = professionalEmail;
    }

    /**
     * A referral just received, with its first-contact deadline. A self or family referral is incomplete until the
     * DSR team completes it; its minimum data set may be missing or hold only the reason given at first contact.
     */
    public static Referral received(UUID id, UUID personId, ReferralRoute route, MinimumDataSet minimumDataSet,
                                    String referredBy, String referrerOrganisation, FirstContactDeadline deadline,
                                    Instant receivedAt, AgencyReferrer agencyReferrer) {
        return received(id, personId, route, minimumDataSet, referredBy, referrerOrganisation, deadline, receivedAt,
                agencyReferrer, null);
    }

    /** The same, with a professional referrer's work e-mail, for telling them the outcome. */
    public static Referral received(UUID id, UUID personId, ReferralRoute route, MinimumDataSet minimumDataSet,
                                    String referredBy, String referrerOrganisation, FirstContactDeadline deadline,
                                    Instant receivedAt, AgencyReferrer agencyReferrer, String professionalEmail) {
        return new Referral(id, personId, route, ReferralStatus.RECEIVED, route != ReferralRoute.SELF_OR_FAMILY,
                minimumDataSet, referredBy, referrerOrganisation, receivedAt, deadline.dueOn(), null, null, null, null,
                null, null, null, agencyReferrer, route == ReferralRoute.PROFESSIONAL ? professionalEmail : null);
    }

    /** The DSR team made first contact. */
    public ReferralChange.Contacted contact(Instant at, String by) {
        ReferralLifecycle.check(status, ReferralStatus.CONTACTED, complete);
        status = ReferralStatus.CONTACTED;
        contactedAt = at;
        contactedBy = by;
        boolean inTime = new FirstContactDeadline(LocalDate.ofInstant(receivedAt, FirstContactDeadline.ENGLAND),
                firstContactDueOn).isMetBy(at);
        return new ReferralChange.Contacted(id, personId, at, firstContactDueOn, inTime);
    }

    /**
     * The DSR team accepts the referral: every criterion met. Who is responsible is the professional named, else
     * the professional who referred (an agency system or the DSR team taking a self or family referral is not).
     * Consent and the one-open-entry rule are the register's to check.
     */
    public ReferralChange.Accepted accept(EligibilityChecklist checklist, String responsibleProfessional, Instant at,
                                          String by) {
        // Left out, the referrer is responsible; a blank user id would allocate the person to no one (issue 15).
        GivenOrLeftOut.check("responsibleProfessional", responsibleProfessional);
        ReferralLifecycle.check(status, ReferralStatus.ACCEPTED, complete);
        checklist.checkAllowsAcceptance();
        close(ReferralStatus.ACCEPTED, at, by);
        String responsible = responsibleProfessional != null ? responsibleProfessional
                : route == ReferralRoute.PROFESSIONAL ? referredBy : null;
        return new ReferralChange.Accepted(id, personId, at, responsible);
    }

    /** The DSR team declines the referral, with a reason the checklist supports and notes for the record. */
    public ReferralChange.Declined decline(DeclineReason reason, EligibilityChecklist checklist, String notes,
                                           Instant at, String by) {
        ReferralLifecycle.check(status, ReferralStatus.DECLINED, complete);
        checklist.checkSupportsDecline(reason);
        close(ReferralStatus.DECLINED, at, by);
        declineReason = reason;
        outcomeNotes = notes;
        return new ReferralChange.Declined(id, personId, at, reason, referredBy);
    }

    /** Withdrawn before its outcome (who may withdraw it is need to know, checked before). */
    public ReferralChange.Withdrawn withdraw(WithdrawalReason reason, String notes, Instant at, String by) {
        ReferralLifecycle.check(status, ReferralStatus.WITHDRAWN, complete);
        close(ReferralStatus.WITHDRAWN, at, by);
        withdrawalReason = reason;
        outcomeNotes = notes;
        return new ReferralChange.Withdrawn(id, personId, at, reason, referredBy, complete);
    }

    /** The DSR team completes a self or family referral with the minimum data set; only once, and only while open. */
    public ReferralChange.Completed complete(MinimumDataSet completed) {
        if (route != ReferralRoute.SELF_OR_FAMILY || complete) {
            throw RuleBroken.conflict("referral-already-complete", "The referral is already complete",
                    "only a self or family referral is completed, once");
        }
        if (!status.isOpen()) {
            throw RuleBroken.conflict("referral-closed", "The referral already has its outcome",
                    "the referral is " + status);
        }
        complete = true;
        minimumDataSet = Objects.requireNonNull(completed, "minimumDataSet");
        return new ReferralChange.Completed(id, personId);
    }

    private void close(ReferralStatus outcome, Instant at, String by) {
        status = outcome;
        closedAt = at;
        closedBy = by;
    }

    /** Made by this user, or sent by this agency system. */
    public boolean isReferredBy(String userId) {
        return referredBy.equals(userId);
    }

    public boolean isOpen() {
        return status.isOpen();
    }

    public UUID id() {
        return id;
    }

    public UUID personId() {
        return personId;
    }

    public ReferralRoute route() {
        return route;
    }

    public ReferralStatus status() {
        return status;
    }

    public boolean isComplete() {
        return complete;
    }

    /** Missing (or partial) only while a self or family referral waits to be completed. */
    public MinimumDataSet minimumDataSet() {
        return minimumDataSet;
    }

    public String referredBy() {
        return referredBy;
    }

    public String referrerOrganisation() {
        return referrerOrganisation;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public LocalDate receivedOn() {
        return LocalDate.ofInstant(receivedAt, FirstContactDeadline.ENGLAND);
    }

    public LocalDate firstContactDueOn() {
        return firstContactDueOn;
    }

    public Instant contactedAt() {
        return contactedAt;
    }

    public String contactedBy() {
        return contactedBy;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public String closedBy() {
        return closedBy;
    }

    public DeclineReason declineReason() {
        return declineReason;
    }

    public WithdrawalReason withdrawalReason() {
        return withdrawalReason;
    }

    public String outcomeNotes() {
        return outcomeNotes;
    }

    /** The agency system's referrer and reference, for a referral an agency system sent. */
    public AgencyReferrer agencyReferrer() {
        return agencyReferrer;
    }

    /** A professional referrer's work e-mail, from their token at intake; none for other routes, or if not given. */
    public String professionalEmail() {
        return professionalEmail;
    }

    /** Where the referrer is told at work: the professional's e-mail, or the agency's referrer's. */
    public String referrerEmail() {
        return agencyReferrer != null ? agencyReferrer.email() : professionalEmail;
    }

    /** The minimum data set and the referrer's details are about people: never printed. */
    @Override
    public String toString() {
        return "Referral[id=" + id + ", personId=" + personId + ", status=" + status + ", details redacted]";
    }
}
