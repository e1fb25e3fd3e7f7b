package org.opendsr.referral.notifications.domain;

/** A referral's status (its code) as a self or family referrer reads it in a status message. */
public final class ReferralStatusInPlainWords {

    private ReferralStatusInPlainWords() {
    }

    public static String of(String status) {
        if (status == null) {
            return "";
        }
        return switch (status) {
            case "RECEIVED" -> "we have your referral and a member of the DSR team will be in touch";
            case "CONTACTED" -> "a member of the DSR team has been in touch and the team is deciding on the referral";
            case "ACCEPTED" -> "the referral was accepted and the person is on the DSR";
            case "DECLINED" -> "the referral was not accepted; the DSR team will have written to say why";
            case "WITHDRAWN" -> "the referral was withdrawn";
            default -> "";
        };
    }
}
