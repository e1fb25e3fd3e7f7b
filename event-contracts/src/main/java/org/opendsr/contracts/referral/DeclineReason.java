package org.opendsr.contracts.referral;

import io.micronaut.serde.annotation.Serdeable;

/**
 * Why a referral was declined. Every referral gets an outcome, also when declined (DSR policy). The last three are
 * what the DSR is not for (the self-referral page): they can be given when every criterion is met, and the referrer's
 * outcome message signposts where to go instead.
 */
@Serdeable
public enum DeclineReason {
    /** The person has no learning disability or autism, diagnosed or on an assessment pathway. */
    NO_LEARNING_DISABILITY_OR_AUTISM,
    /** The person is not at risk of admission to a mental health hospital or of placement breakdown. */
    NOT_AT_RISK_OF_ADMISSION,
    /** The person neither lives in, nor is registered with a GP in, the ICB's area. */
    LIVES_OUT_OF_AREA,
    /** The person did not consent to being on the register. */
    NO_CONSENT,
    /** The DSR does not give direct help or respond to emergencies: what is needed is help now. */
    NEEDS_DIRECT_HELP_OR_EMERGENCY_RESPONSE,
    /** The DSR can't help people skip waiting lists: what is asked for is to be seen sooner. */
    WANTS_TO_SKIP_WAITING_LIST,
    /** The DSR is not the right service when the main problem is getting an EHCP (education, health and care plan). */
    MAIN_NEED_IS_AN_EHCP,
    OTHER
}
