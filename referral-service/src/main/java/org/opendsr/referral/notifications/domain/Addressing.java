package org.opendsr.referral.notifications.domain;

/**
 * What to do with one message to one recipient at send time. The reasons are codes, never personal data: they are
 * stored and shown on the DSR team's worklist.
 */
public sealed interface Addressing {

    /** Send it: to whom and how, with the template (message, audience, channel and accessible-format variant). */
    record Send(Addressee addressee, String template) implements Addressing {
    }

    /** Never sent, by rule (the person withdrew consent or asked not to be contacted): nothing for anyone to do. */
    record Withhold(String reason) implements Addressing {
    }

    /** It should go but cannot: nothing to send it to. The DSR team finds it on the failed notifications worklist. */
    record Unreachable(String reason) implements Addressing {
    }
}
