package org.opendsr.referral.notifications.adapters.notify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opendsr.referral.notifications.application.MessageSender.SendResult;

/** GOV.UK Notify's answers, as retry or worklist. No call to Notify: only its status codes. */
class NotifyErrorsTest {

    @ParameterizedTest(name = "{0} is retried")
    @ValueSource(ints = {0, 429, 500, 502, 503, 504})
    void notifyDownBusyOrUnreachableIsRetried(int status) {
        assertThat(NotifyErrors.classify(status)).isInstanceOf(SendResult.TransientFailure.class);
    }

    @ParameterizedTest(name = "{0} is permanent")
    @ValueSource(ints = {400, 403})
    void aRefusedMessageOrKeyIsPermanent(int status) {
        assertThat(NotifyErrors.classify(status)).isEqualTo(new SendResult.PermanentFailure("NOTIFY_HTTP_" + status));
    }
}
