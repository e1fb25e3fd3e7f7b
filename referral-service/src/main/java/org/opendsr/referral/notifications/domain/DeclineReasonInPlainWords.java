package org.opendsr.referral.notifications.domain;

import org.opendsr.contracts.referral.DeclineReason;

/** A decline reason as the referrer reads it in the outcome message: plain words, no codes. */
public final class DeclineReasonInPlainWords {

    private DeclineReasonInPlainWords() {
    }

    public static String of(DeclineReason reason) {
        return switch (reason) {
            case NO_LEARNING_DISABILITY_OR_AUTISM ->
                    "the DSR is for people with a learning disability or autism, or on the way to an assessment";
            case NOT_AT_RISK_OF_ADMISSION ->
                    "the DSR is for people at risk of going into a mental health hospital or of their home or"
                            + " placement breaking down";
            case LIVES_OUT_OF_AREA -> "the person does not live, or have a GP, in this area";
            case NO_CONSENT -> "the person has not agreed to be on the DSR";
            case NEEDS_DIRECT_HELP_OR_EMERGENCY_RESPONSE ->
                    "the DSR does not give direct help or respond to emergencies";
            case WANTS_TO_SKIP_WAITING_LIST -> "the DSR can't help people skip waiting lists";
            case MAIN_NEED_IS_AN_EHCP ->
                    "the DSR is not the right service when the main problem is getting an EHCP (education, health and"
                            + " care plan)";
            case OTHER -> "the DSR team will explain why when they speak to you";
        };
    }
}
