package org.opendsr.contracts;

import java.util.List;
import java.util.Optional;

import org.opendsr.contracts.referral.ReferralContacted;
import org.opendsr.contracts.referral.ReferralAccepted;
import org.opendsr.contracts.referral.ReferralDeclined;
import org.opendsr.contracts.referral.ReferralWithdrawn;
import org.opendsr.contracts.referral.PersonRemovedFromRegister;
import org.opendsr.contracts.referral.ResponsibilityChanged;
import org.opendsr.contracts.referral.AdmittedNotOnRegister;
import org.opendsr.contracts.referral.PersonTurned18;
import org.opendsr.contracts.referral.PersonTurning18;
import org.opendsr.contracts.referral.PersonTurned16;
import org.opendsr.contracts.referral.KeyworkerReferralSuggested;
import org.opendsr.contracts.referral.AdmissionReported;
import org.opendsr.contracts.referral.DischargeReported;
import org.opendsr.contracts.referral.PersonMoved;
import org.opendsr.contracts.referral.ContactDetailsChanged;
import org.opendsr.contracts.access.CareTeamChanged;
import org.opendsr.contracts.consent.ConsentRecorded;
import org.opendsr.contracts.consent.ConsentRenewalDue;
import org.opendsr.contracts.consent.ConsentOverdue;
import org.opendsr.contracts.consent.ConsentReminderDue;
import org.opendsr.contracts.consent.ConsentLapsed;
import org.opendsr.contracts.consent.ConsentWithdrawn;
import org.opendsr.contracts.agency.AgencyReferralSubmitted;
import org.opendsr.contracts.agency.AgencyAddressChanged;
import org.opendsr.contracts.agency.AgencyContactDetailsChanged;
import org.opendsr.contracts.agency.AgencyAdmissionReported;
import org.opendsr.contracts.agency.AgencyDischargeReported;
import org.opendsr.contracts.agency.AgencyAddressChangedV2;
import org.opendsr.contracts.agency.AgencyContactDetailsChangedV2;
import org.opendsr.contracts.agency.AgencyAdmissionReportedV2;
import org.opendsr.contracts.agency.AgencyDischargeReportedV2;
import org.opendsr.contracts.referral.ReferralReceived;
import org.opendsr.contracts.meeting.ActionDone;
import org.opendsr.contracts.meeting.ActionDue;
import org.opendsr.contracts.meeting.ActionOverdue;
import org.opendsr.contracts.meeting.ExceptionInvitationRequested;
import org.opendsr.contracts.meeting.FeedbackDue;
import org.opendsr.contracts.meeting.MeetingCancelled;
import org.opendsr.contracts.meeting.MeetingHeld;
import org.opendsr.contracts.meeting.MeetingScheduled;
import org.opendsr.contracts.meeting.OutcomeRecorded;
import org.opendsr.contracts.meeting.RatingAgreed;
import org.opendsr.contracts.meeting.RecommendationMade;
import org.opendsr.contracts.meeting.RecommendationMet;
import org.opendsr.contracts.meeting.RecommendationUnmet;
import org.opendsr.contracts.meeting.ReviewBooked;
import org.opendsr.contracts.meeting.ReviewCancelled;
import org.opendsr.contracts.meeting.ReviewHeld;
import org.opendsr.contracts.risk.ObligationCompleted;
import org.opendsr.contracts.risk.ObligationDue;
import org.opendsr.contracts.risk.ObligationOverdue;
import org.opendsr.contracts.risk.RatingChanged;
import org.opendsr.contracts.risk.UpdateOverdue;
import org.opendsr.contracts.risk.UpdatePosted;
import org.opendsr.contracts.gateway.AccessRecorded;
import org.opendsr.contracts.lifecycle.ErasureConfirmed;
import org.opendsr.contracts.lifecycle.PersonErased;
import org.opendsr.contracts.lifecycle.PersonMerged;
import org.opendsr.contracts.lifecycle.ProcessingRestricted;

/** Every event type the DSR publishes, with its topic, publisher and payload. Each later capability adds its own. */
public final class EventCatalogue {

    private static final List<EventContract> CONTRACTS = List.of(
            new EventContract(EventTypes.REFERRAL_RECEIVED_V1, Topics.REFERRAL_EVENTS,
                    EventSources.REFERRAL_SERVICE, ReferralReceived.class),
            new EventContract(EventTypes.REFERRAL_CONTACTED_V1, Topics.REFERRAL_EVENTS,
                    EventSources.REFERRAL_SERVICE, ReferralContacted.class),
            new EventContract(EventTypes.REFERRAL_ACCEPTED_V1, Topics.REFERRAL_EVENTS,
                    EventSources.REFERRAL_SERVICE, ReferralAccepted.class),
            new EventContract(EventTypes.REFERRAL_DECLINED_V1, Topics.REFERRAL_EVENTS,
                    EventSources.REFERRAL_SERVICE, ReferralDeclined.class),
            new EventContract(EventTypes.REFERRAL_WITHDRAWN_V1, Topics.REFERRAL_EVENTS,
                    EventSources.REFERRAL_SERVICE, ReferralWithdrawn.class),
            new EventContract(EventTypes.REGISTER_PERSON_REMOVED_V1, Topics.REFERRAL_EVENTS,
                    EventSources.REFERRAL_SERVICE, PersonRemovedFromRegister.class),
            new EventContract(EventTypes.REGISTER_RESPONSIBILITY_CHANGED_V1, Topics.REFERRAL_EVENTS,
                    EventSources.REFERRAL_SERVICE, ResponsibilityChanged.class),
            new EventContract(EventTypes.REGISTER_ADMITTED_NOT_ON_REGISTER_V1, Topics.REFERRAL_EVENTS,
                    EventSources.REFERRAL_SERVICE, AdmittedNotOnRegister.class),
            new EventContract(EventTypes.PERSON_TURNED_18_V1, Topics.REFERRAL_EVENTS,
                    EventSources.REFERRAL_SERVICE, PersonTurned18.class),
            new EventContract(EventTypes.PERSON_TURNING_18_V1, Topics.REFERRAL_EVENTS,
                    EventSources.REFERRAL_SERVICE, PersonTurning18.class),
            new EventContract(EventTypes.PERSON_TURNED_16_V1, Topics.REFERRAL_EVENTS,
                    EventSources.REFERRAL_SERVICE, PersonTurned16.class),
            new EventContract(EventTypes.PERSON_KEYWORKER_REFERRAL_SUGGESTED_V1, Topics.REFERRAL_EVENTS,
                    EventSources.REFERRAL_SERVICE, KeyworkerReferralSuggested.class),
            new EventContract(EventTypes.PERSON_ADMISSION_REPORTED_V1, Topics.REFERRAL_EVENTS,
                    EventSources.REFERRAL_SERVICE, AdmissionReported.class),
            new EventContract(EventTypes.PERSON_DISCHARGE_REPORTED_V1, Topics.REFERRAL_EVENTS,
                    EventSources.REFERRAL_SERVICE, DischargeReported.class),
            new EventContract(EventTypes.PERSON_MOVED_V1, Topics.REFERRAL_EVENTS,
                    EventSources.REFERRAL_SERVICE, PersonMoved.class),
            new EventContract(EventTypes.PERSON_CONTACT_DETAILS_CHANGED_V1, Topics.REFERRAL_EVENTS,
                    EventSources.REFERRAL_SERVICE, ContactDetailsChanged.class),
            new EventContract(EventTypes.PERSON_CARE_TEAM_CHANGED_V1, Topics.REFERRAL_EVENTS,
                    EventSources.REFERRAL_SERVICE, CareTeamChanged.class),
            new EventContract(EventTypes.PERSON_ERASED_V1, Topics.REFERRAL_EVENTS,
                    EventSources.REFERRAL_SERVICE, PersonErased.class),
            new EventContract(EventTypes.PERSON_MERGED_V1, Topics.REFERRAL_EVENTS,
                    EventSources.REFERRAL_SERVICE, PersonMerged.class),
            new EventContract(EventTypes.PERSON_PROCESSING_RESTRICTED_V1, Topics.REFERRAL_EVENTS,
                    EventSources.REFERRAL_SERVICE, ProcessingRestricted.class),
            new EventContract(EventTypes.CONSENT_ERASURE_CONFIRMED_V1, Topics.CONSENT_EVENTS,
                    EventSources.CONSENT_SERVICE, ErasureConfirmed.class),
            new EventContract(EventTypes.RISK_ERASURE_CONFIRMED_V1, Topics.RISK_EVENTS,
                    EventSources.RISK_SERVICE, ErasureConfirmed.class),
            new EventContract(EventTypes.MEETING_ERASURE_CONFIRMED_V1, Topics.MEETING_EVENTS,
                    EventSources.MEETING_SERVICE, ErasureConfirmed.class),
            new EventContract(EventTypes.REPORTING_ERASURE_CONFIRMED_V1, Topics.REPORTING_EVENTS,
                    EventSources.REPORTING_SERVICE, ErasureConfirmed.class),
            new EventContract(EventTypes.CONSENT_RECORDED_V1, Topics.CONSENT_EVENTS,
                    EventSources.CONSENT_SERVICE, ConsentRecorded.class),
            new EventContract(EventTypes.CONSENT_RENEWAL_DUE_V1, Topics.CONSENT_EVENTS,
                    EventSources.CONSENT_SERVICE, ConsentRenewalDue.class),
            new EventContract(EventTypes.CONSENT_OVERDUE_V1, Topics.CONSENT_EVENTS,
                    EventSources.CONSENT_SERVICE, ConsentOverdue.class),
            new EventContract(EventTypes.CONSENT_REMINDER_DUE_V1, Topics.CONSENT_EVENTS,
                    EventSources.CONSENT_SERVICE, ConsentReminderDue.class),
            new EventContract(EventTypes.CONSENT_LAPSED_V1, Topics.CONSENT_EVENTS,
                    EventSources.CONSENT_SERVICE, ConsentLapsed.class),
            new EventContract(EventTypes.CONSENT_WITHDRAWN_V1, Topics.CONSENT_EVENTS,
                    EventSources.CONSENT_SERVICE, ConsentWithdrawn.class),
            new EventContract(EventTypes.RISK_RATING_CHANGED_V1, Topics.RISK_EVENTS,
                    EventSources.RISK_SERVICE, RatingChanged.class),
            new EventContract(EventTypes.RISK_UPDATE_POSTED_V1, Topics.RISK_EVENTS,
                    EventSources.RISK_SERVICE, UpdatePosted.class),
            new EventContract(EventTypes.RISK_UPDATE_OVERDUE_V1, Topics.RISK_EVENTS,
                    EventSources.RISK_SERVICE, UpdateOverdue.class),
            new EventContract(EventTypes.RISK_OBLIGATION_DUE_V1, Topics.RISK_EVENTS,
                    EventSources.RISK_SERVICE, ObligationDue.class),
            new EventContract(EventTypes.RISK_OBLIGATION_OVERDUE_V1, Topics.RISK_EVENTS,
                    EventSources.RISK_SERVICE, ObligationOverdue.class),
            new EventContract(EventTypes.RISK_OBLIGATION_COMPLETED_V1, Topics.RISK_EVENTS,
                    EventSources.RISK_SERVICE, ObligationCompleted.class),
            new EventContract(EventTypes.MEETING_SCHEDULED_V1, Topics.MEETING_EVENTS,
                    EventSources.MEETING_SERVICE, MeetingScheduled.class),
            new EventContract(EventTypes.MEETING_HELD_V1, Topics.MEETING_EVENTS,
                    EventSources.MEETING_SERVICE, MeetingHeld.class),
            new EventContract(EventTypes.MEETING_CANCELLED_V1, Topics.MEETING_EVENTS,
                    EventSources.MEETING_SERVICE, MeetingCancelled.class),
            new EventContract(EventTypes.MEETING_OUTCOME_RECORDED_V1, Topics.MEETING_EVENTS,
                    EventSources.MEETING_SERVICE, OutcomeRecorded.class),
            new EventContract(EventTypes.MEETING_RATING_AGREED_V1, Topics.MEETING_EVENTS,
                    EventSources.MEETING_SERVICE, RatingAgreed.class),
            new EventContract(EventTypes.MEETING_ACTION_DUE_V1, Topics.MEETING_EVENTS,
                    EventSources.MEETING_SERVICE, ActionDue.class),
            new EventContract(EventTypes.MEETING_ACTION_OVERDUE_V1, Topics.MEETING_EVENTS,
                    EventSources.MEETING_SERVICE, ActionOverdue.class),
            new EventContract(EventTypes.MEETING_ACTION_DONE_V1, Topics.MEETING_EVENTS,
                    EventSources.MEETING_SERVICE, ActionDone.class),
            new EventContract(EventTypes.MEETING_RECOMMENDATION_MADE_V1, Topics.MEETING_EVENTS,
                    EventSources.MEETING_SERVICE, RecommendationMade.class),
            new EventContract(EventTypes.MEETING_RECOMMENDATION_MET_V1, Topics.MEETING_EVENTS,
                    EventSources.MEETING_SERVICE, RecommendationMet.class),
            new EventContract(EventTypes.MEETING_RECOMMENDATION_UNMET_V1, Topics.MEETING_EVENTS,
                    EventSources.MEETING_SERVICE, RecommendationUnmet.class),
            new EventContract(EventTypes.MEETING_REVIEW_BOOKED_V1, Topics.MEETING_EVENTS,
                    EventSources.MEETING_SERVICE, ReviewBooked.class),
            new EventContract(EventTypes.MEETING_REVIEW_HELD_V1, Topics.MEETING_EVENTS,
                    EventSources.MEETING_SERVICE, ReviewHeld.class),
            new EventContract(EventTypes.MEETING_REVIEW_CANCELLED_V1, Topics.MEETING_EVENTS,
                    EventSources.MEETING_SERVICE, ReviewCancelled.class),
            new EventContract(EventTypes.MEETING_EXCEPTION_INVITATION_REQUESTED_V1, Topics.MEETING_EVENTS,
                    EventSources.MEETING_SERVICE, ExceptionInvitationRequested.class),
            new EventContract(EventTypes.MEETING_FEEDBACK_DUE_V1, Topics.MEETING_EVENTS,
                    EventSources.MEETING_SERVICE, FeedbackDue.class),
            new EventContract(EventTypes.AGENCY_REFERRAL_SUBMITTED_V1, Topics.AGENCY_INBOUND_CHANNEL,
                    EventSources.AGENCY_SYSTEMS, AgencyReferralSubmitted.class),
            new EventContract(EventTypes.AGENCY_ADDRESS_CHANGED_V1, Topics.AGENCY_INBOUND_CHANNEL,
                    EventSources.AGENCY_SYSTEMS, AgencyAddressChanged.class),
            new EventContract(EventTypes.AGENCY_CONTACT_DETAILS_CHANGED_V1, Topics.AGENCY_INBOUND_CHANNEL,
                    EventSources.AGENCY_SYSTEMS, AgencyContactDetailsChanged.class),
            new EventContract(EventTypes.AGENCY_ADMISSION_REPORTED_V1, Topics.AGENCY_INBOUND_CHANNEL,
                    EventSources.AGENCY_SYSTEMS, AgencyAdmissionReported.class),
            new EventContract(EventTypes.AGENCY_DISCHARGE_REPORTED_V1, Topics.AGENCY_INBOUND_CHANNEL,
                    EventSources.AGENCY_SYSTEMS, AgencyDischargeReported.class),
            new EventContract(EventTypes.AGENCY_ADDRESS_CHANGED_V2, Topics.AGENCY_INBOUND_CHANNEL,
                    EventSources.AGENCY_SYSTEMS, AgencyAddressChangedV2.class),
            new EventContract(EventTypes.AGENCY_CONTACT_DETAILS_CHANGED_V2, Topics.AGENCY_INBOUND_CHANNEL,
                    EventSources.AGENCY_SYSTEMS, AgencyContactDetailsChangedV2.class),
            new EventContract(EventTypes.AGENCY_ADMISSION_REPORTED_V2, Topics.AGENCY_INBOUND_CHANNEL,
                    EventSources.AGENCY_SYSTEMS, AgencyAdmissionReportedV2.class),
            new EventContract(EventTypes.AGENCY_DISCHARGE_REPORTED_V2, Topics.AGENCY_INBOUND_CHANNEL,
                    EventSources.AGENCY_SYSTEMS, AgencyDischargeReportedV2.class),
            new EventContract(EventTypes.GATEWAY_ACCESS_RECORDED_V1, Topics.GATEWAY_ACCESS,
                    EventSources.GATEWAY, AccessRecorded.class));

    private EventCatalogue() {
    }

    public static List<EventContract> all() {
        return CONTRACTS;
    }

    public static Optional<EventContract> byType(String type) {
        return CONTRACTS.stream().filter(contract -> contract.type().equals(type)).findFirst();
    }

    /** The contracts of one topic, e.g. every type an agency system may publish to the inbound topic. */
    public static List<EventContract> onTopic(String topic) {
        return CONTRACTS.stream().filter(contract -> contract.topic().equals(topic)).toList();
    }

    public static EventContract of(String type) {
        return byType(type).orElseThrow(() -> new IllegalArgumentException("Unknown event type " + type));
    }
}
